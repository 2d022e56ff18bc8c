package org.prunesh.shell;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatementParserTest {

    /** A stand-in for Session.isIncomplete: a statement is complete once it ends with ';'. */
    private static boolean missingSemicolon(String source) {
        return !source.strip().endsWith(";");
    }

    @Test
    void anIncompleteStatementContinuesOnTheNextLine() {
        StatementParser parser = new StatementParser(StatementParserTest::missingSemicolon);
        String typed = "data synthetic samples 512";
        assertThrows(EOFError.class, () -> parser.parse(typed, typed.length(), ParseContext.ACCEPT_LINE));
        String whole = "data synthetic samples 512\n  classes 4;";
        ParsedLine line = assertDoesNotThrow(() -> parser.parse(whole, whole.length(), ParseContext.ACCEPT_LINE));
        assertEquals(whole, line.line());
    }

    @Test
    void onlyAcceptingTheLineAsksTheInterpreter() {
        List<String> asked = new ArrayList<>();
        StatementParser parser = new StatementParser(source -> {
            asked.add(source);
            return true;
        });
        parser.parse("select grad", 11, ParseContext.COMPLETE);
        parser.parse(":load x.prn", 11, ParseContext.ACCEPT_LINE);   // a colon command is always whole
        parser.parse("   ", 3, ParseContext.ACCEPT_LINE);            // nothing typed: a fresh prompt
        assertEquals(List.of(), asked);
        assertThrows(EOFError.class, () -> parser.parse("seed", 4, ParseContext.ACCEPT_LINE));
        assertEquals(List.of("seed"), asked);
    }

    @Test
    void aFailingCheckLetsTheInputThroughToBeEvaluated() {
        StatementParser parser = new StatementParser(source -> {
            throw new IllegalStateException("parser broke");
        });
        ParsedLine line = parser.parse("seed 1;", 7, ParseContext.ACCEPT_LINE);
        assertEquals("seed 1;", line.line());
    }

    @Test
    void splitsWordsAtWhitespaceAndPunctuation() {
        ParsedLine line = StatementParser.split("let fggp = select gradient ratio 0.5;sel", 40);
        assertEquals(List.of("let", "fggp", "select", "gradient", "ratio", "0.5", "sel"), line.words());
        assertEquals(6, line.wordIndex());
        assertEquals("sel", line.word());
        assertEquals(3, line.wordCursor());

        ParsedLine inside = StatementParser.split("exclude bias, \"fc1/*\";", 17);
        assertEquals(List.of("exclude", "bias", "fc1/*"), inside.words());
        assertEquals(2, inside.wordIndex());
        assertEquals(2, inside.wordCursor());
    }

    @Test
    void aCursorBetweenWordsCompletesAnEmptyWordThere() {
        ParsedLine line = StatementParser.split("select  then magnitude;", 7);
        assertEquals(List.of("select", "", "then", "magnitude"), line.words());
        assertEquals(1, line.wordIndex());
        assertEquals("", line.word());

        ParsedLine empty = StatementParser.split("", 0);
        assertEquals(List.of(""), empty.words());
        assertEquals(0, empty.wordIndex());
    }
}
