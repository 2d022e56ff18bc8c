package org.prunesh.shell;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * JLine's view of what the user typed. On Enter it asks the interpreter whether the statement is
 * complete and, if not, throws {@link EOFError} so JLine shows the continuation prompt. For
 * completion it splits the line into words at whitespace and the language's punctuation.
 */
public final class StatementParser implements Parser {

    private final Predicate<String> incomplete;

    /** @param incomplete true when the text is the beginning of a statement still being typed */
    public StatementParser(Predicate<String> incomplete) {
        this.incomplete = incomplete;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws EOFError {
        if (context == ParseContext.ACCEPT_LINE && !Repl.isCommand(line) && isIncomplete(line)) {
            throw new EOFError(-1, -1, "statement continues on the next line");
        }
        return split(line, cursor);
    }

    /** Input has no escape sequences of its own, so JLine must not treat backslashes specially. */
    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    private boolean isIncomplete(String line) {
        if (line.isBlank()) {
            return false;
        }
        try {
            return incomplete.test(line);
        } catch (RuntimeException e) {
            // Let the input through: evaluating it reports whatever is wrong with it.
            return false;
        }
    }

    /** Words are maximal runs of characters that are neither whitespace nor punctuation. */
    static Words split(String line, int cursor) {
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (isWordChar(line.charAt(i))) {
                int start = i;
                while (i < line.length() && isWordChar(line.charAt(i))) {
                    i++;
                }
                words.add(line.substring(start, i));
                starts.add(start);
            } else {
                i++;
            }
        }
        for (int k = 0; k < words.size(); k++) {
            int start = starts.get(k);
            if (start <= cursor && cursor <= start + words.get(k).length()) {
                return new Words(line, cursor, words, k, cursor - start);
            }
        }
        // The cursor stands between words: complete an empty word there.
        int index = 0;
        while (index < starts.size() && starts.get(index) < cursor) {
            index++;
        }
        words.add(index, "");
        return new Words(line, cursor, words, index, 0);
    }

    static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && ";,=()[]{}\"".indexOf(c) < 0;
    }

    /** The split line; candidates are inserted as they are, without quoting. */
    record Words(String line, int cursor, List<String> words, int wordIndex, int wordCursor)
            implements CompletingParsedLine {

        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
