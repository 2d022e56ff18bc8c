package org.prunesh.shell;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.prunesh.grammar.PruneLexer;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Colours the input line as the lexer sees it: statement words bold blue, other keywords blue,
 * numbers cyan, strings green, comments grey, names the session knows (scores, models, defined
 * names) magenta, characters the language has no use for red. Colon commands are left plain.
 */
final class ScriptHighlighter implements Highlighter {

    static final AttributedStyle STATEMENT = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle KEYWORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    static final AttributedStyle NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final Supplier<Set<String>> knownNames;

    ScriptHighlighter(Supplier<Set<String>> knownNames) {
        this.knownNames = knownNames;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (Repl.isCommand(buffer)) return new AttributedString(buffer);
        PruneLexer lexer = new PruneLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        Set<String> names = knownNames.get();
        AttributedStringBuilder out = new AttributedStringBuilder();
        int at = 0;
        for (Token t : lexer.getAllTokens()) {
            int start = t.getStartIndex();
            int stop = t.getStopIndex() + 1;
            if (start > at) out.append(buffer.substring(at, start));
            out.styled(style(t, names), buffer.substring(start, stop));
            at = stop;
        }
        if (at < buffer.length()) out.append(buffer.substring(at));
        return out.toAttributedString();
    }

    static AttributedStyle style(Token t, Set<String> names) {
        int type = t.getType();
        if (org.prunesh.interpreter.syntax.ScriptParser.isStatementHead(type)) return STATEMENT;
        return switch (type) {
            case PruneLexer.NUMBER, PruneLexer.PERCENT -> NUMBER;
            case PruneLexer.STRING -> STRING;
            case PruneLexer.UNTERMINATED_STRING, PruneLexer.ERROR_CHAR -> ERROR;
            case PruneLexer.COMMENT -> COMMENT;
            case PruneLexer.ID -> names.contains(t.getText()) ? NAME : AttributedStyle.DEFAULT;
            default -> Character.isLetter(t.getText().charAt(0)) ? KEYWORD : AttributedStyle.DEFAULT;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
