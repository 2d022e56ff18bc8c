package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelpTextTest {

    /** Every statement the grammar has is listed at the start of a line of :help. */
    @Test
    void helpListsEveryStatement() {
        List<String> lines = HelpText.text().lines().map(String::strip).toList();
        List<String> missing = ScriptParser.statementKeywords().stream()
                .filter(word -> lines.stream().noneMatch(l -> l.startsWith(word + " ") || l.startsWith(word + ";")))
                .toList();
        assertEquals(List.of(), missing);
    }
}
