package org.prunesh.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScriptHighlighterTest {

    private final ScriptHighlighter highlighter = new ScriptHighlighter(() -> Set.of("magnitude", "fggp"));

    private static AttributedStyle at(AttributedString s, int index) {
        return s.styleAt(index);
    }

    @Test
    void eachKindOfTokenGetsItsStyleAndTheTextIsUnchanged() {
        String line = "select fggp ratio 0.5 then magnitude; run \"x\"; # note";
        AttributedString s = highlighter.highlight(null, line);
        assertEquals(line, s.toString());
        assertEquals(ScriptHighlighter.STATEMENT, at(s, 0));                       // select
        assertEquals(ScriptHighlighter.NAME, at(s, line.indexOf("fggp")));
        assertEquals(ScriptHighlighter.KEYWORD, at(s, line.indexOf("ratio")));
        assertEquals(ScriptHighlighter.NUMBER, at(s, line.indexOf("0.5")));
        assertEquals(ScriptHighlighter.NAME, at(s, line.indexOf("magnitude")));
        assertEquals(ScriptHighlighter.STRING, at(s, line.indexOf("\"x\"")));
        assertEquals(ScriptHighlighter.COMMENT, at(s, line.indexOf("# note")));
        assertEquals(AttributedStyle.DEFAULT, at(s, line.indexOf(";")));
    }

    @Test
    void unknownNamesStayPlainStrayCharactersAreRedAndCommandsArePlain() {
        AttributedString s = highlighter.highlight(null, "select magnitud $");
        assertEquals(AttributedStyle.DEFAULT, at(s, 7));
        assertEquals(ScriptHighlighter.ERROR, at(s, 16));
        AttributedString command = highlighter.highlight(null, ":load x.prn");
        assertEquals(AttributedStyle.DEFAULT, at(command, 1));
    }

    @Test
    void theReplDrawsTheInputLineInColourOnATerminalThatHasColours(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (ScriptedTerminal scripted = new ScriptedTerminal("xterm-256color", "seed 18; # c\n:quit\n")) {
            org.prunesh.interpreter.SessionConfig config =
                    new org.prunesh.interpreter.SessionConfig(dir.resolve("runs"), dir, false);
            new Repl(scripted.terminal(), dir.resolve("history"),
                    listener -> new org.prunesh.interpreter.Session(config, listener), false).run();
            String out = scripted.output();
            String boldBlueSeed = new org.jline.utils.AttributedStringBuilder()
                    .styled(ScriptHighlighter.STATEMENT, "seed").toAnsi(scripted.terminal());
            org.junit.jupiter.api.Assertions.assertTrue(out.contains(boldBlueSeed),
                    out.replace("\u001b", "ESC"));
        }
    }
}
