package org.prunesh.shell;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameCompleterTest {

    private static final List<String> KEYWORDS = List.of(
            "seed", "data", "model", "train", "schedule", "select", "scope", "exclude", "let", "run",
            "evaluate", "report", "show", "samples", "epochs", "steps");

    private static NameCompleter completer(Set<String> defined) {
        return new NameCompleter(() -> KEYWORDS, () -> defined, Repl.COMMANDS, List.of(":load"),
                (reader, line, candidates) -> candidates.add(new Candidate("file-candidate")));
    }

    private static List<String> complete(NameCompleter completer, String typed) {
        ParsedLine line = new StatementParser(source -> false).parse(typed, typed.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void completesAKeywordFromItsPrefix() {
        assertEquals(List.of("schedule"), complete(completer(Set.of()), "sch"));
        assertEquals(List.of("schedule"), complete(completer(Set.of()), "train epochs 1; sch"));
    }

    @Test
    void offersDefinedNamesWithKeywordsInOrder() {
        NameCompleter completer = completer(Set.of("fggp", "sparse_sel"));
        assertEquals(List.of("samples", "schedule", "scope", "seed", "select", "show", "sparse_sel", "steps"),
                complete(completer, "s"));
        assertEquals(List.of("fggp"), complete(completer, "select f"));
    }

    @Test
    void completesColonCommandsOnlyAsTheFirstWord() {
        NameCompleter completer = completer(Set.of());
        assertEquals(List.of(":load"), complete(completer, ":l"));
        assertEquals(List.of(":help", ":history", ":load", ":quit", ":runs", ":show"), complete(completer, ":"));
        assertEquals(List.of(), complete(completer, "seed :l"));
    }

    @Test
    void theArgumentOfLoadIsCompletedAsAFileName() {
        assertEquals(List.of("file-candidate"), complete(completer(Set.of()), ":load exam"));
        assertEquals(List.of(), complete(completer(Set.of()), ":help exam"));
    }

    @Test
    @Timeout(30)
    void tabInALineReaderCompletesTheWord() throws Exception {
        try (ScriptedTerminal scripted = new ScriptedTerminal("xterm", "sch\tagp;\n:l\tx.prn\n")) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(scripted.terminal())
                    .parser(new StatementParser(source -> false))
                    .completer(completer(Set.of("agp")))
                    .build();
            assertEquals("schedule agp;", reader.readLine(Repl.PROMPT));
            assertEquals(":load x.prn", reader.readLine(Repl.PROMPT));
        }
    }
}
