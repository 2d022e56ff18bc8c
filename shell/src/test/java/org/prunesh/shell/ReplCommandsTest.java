package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's own colon commands and history; no statement is evaluated. */
@Timeout(60)
class ReplCommandsTest {

    @TempDir
    Path dir;

    private String runRepl(String input) throws Exception {
        Path history = dir.resolve("history");
        try (ScriptedTerminal scripted = new ScriptedTerminal("dumb", input)) {
            SessionConfig config = new SessionConfig(dir.resolve("runs"), dir, false);
            new Repl(scripted.terminal(), history, listener -> new Session(config, listener), false).run();
            return scripted.output();
        }
    }

    @Test
    void helpPrintsTheStatementFormsAndTheCommands() throws Exception {
        String output = runRepl(":help\n:quit\n");
        assertTrue(output.startsWith("prune-sh " + VersionInfo.version() + "  (:help for the statements"), output);
        assertTrue(output.contains(Repl.PROMPT + ":help\n" + HelpText.text()), output);
        assertTrue(HelpText.text().contains("  :load FILE "), HelpText.text());
        assertTrue(HelpText.text().contains("select gradient ratio 0.5 then magnitude;"), HelpText.text());
    }

    @Test
    void loadAndUnknownCommandsExplainThemselves() throws Exception {
        String output = runRepl(":load nope.prn\n:load\n:frobnicate now\n:quit\n");
        assertTrue(output.contains(":load nope.prn\ncannot read nope.prn: no such file\n"), output);
        assertTrue(output.contains(":load\nusage: :load FILE\n"), output);
        assertTrue(output.contains(":frobnicate now\nunknown command :frobnicate; :help lists the commands\n"), output);
    }

    @Test
    void quitEndsTheLoopAndLeavesTheRestUnread() throws Exception {
        String output = runRepl(":quit\n:load after-quit.prn\n");
        assertFalse(output.contains("after-quit"), output);
    }

    @Test
    void endOfInputEndsTheLoopLikeCtrlD() throws Exception {
        String output = runRepl(":load gone.prn\n");
        assertTrue(output.contains("cannot read gone.prn: no such file\n" + Repl.PROMPT), output);
    }

    @Test
    void inputIsKeptInTheHistoryFile() throws Exception {
        runRepl(":help\n:load nope.prn\n:quit\n");
        List<String> entries = Files.readAllLines(dir.resolve("history")).stream()
                .map(line -> line.substring(line.indexOf(':') + 1))   // each entry is "<epoch millis>:<line>"
                .toList();
        assertEquals(List.of(":help", ":load nope.prn", ":quit"), entries);
    }

    @Test
    void showRunsAndHistoryDescribeTheSession() throws Exception {
        String output = runRepl("seed 5;\nlet fggp = select gradient ratio 0.5 then magnitude;\n:show\n:runs\n:history\n:quit\n");
        assertTrue(output.contains("seed 5;\n"), output);
        assertTrue(output.contains("let fggp = select gradient ratio 0.5 then magnitude;\n"), output);
        assertTrue(output.contains("# no run yet\n"), output);
        assertTrue(output.contains("no runs in "), output);
        assertTrue(output.contains("    1  seed 5;\n    2  let fggp = select gradient ratio 0.5 then magnitude;\n"
                + "    3  :show\n    4  :runs\n    5  :history\n"), output);
    }
}
