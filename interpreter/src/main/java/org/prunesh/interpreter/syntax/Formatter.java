package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.prunesh.grammar.PruneLexer;

import java.util.List;
import java.util.Set;

/**
 * The canonical layout of a script, for {@code prune-sh fmt}: one statement per line starting at
 * the block's indentation, single spaces between words, no space before {@code , ; ] ) : ..} or after
 * {@code [ ( : ..}, a statement's own line breaks kept as six-space continuations, sweep bodies
 * indented by two, comments kept where they stand, runs of blank lines reduced to one. Works on
 * tokens, so nothing but whitespace ever changes; callers format only scripts that parse.
 */
public final class Formatter {

    private static final Set<Integer> NO_SPACE_BEFORE = Set.of(PruneLexer.COMMA, PruneLexer.SEMI, PruneLexer.RBRACKET,
            PruneLexer.RPAREN, PruneLexer.COLON, PruneLexer.DOTDOT);
    private static final Set<Integer> NO_SPACE_AFTER = Set.of(PruneLexer.LBRACKET, PruneLexer.LPAREN, PruneLexer.COLON,
            PruneLexer.DOTDOT);
    private static final String CONTINUATION = "      ";

    private Formatter() {
    }

    public static String format(String source) {
        PruneLexer lexer = new PruneLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        StringBuilder out = new StringBuilder();
        int indent = 0;
        boolean inStatement = false;
        Token prev = null;
        for (Token t : tokens) {
            int type = t.getType();
            boolean sameLine = prev != null && t.getLine() == endLine(prev);
            if (type == PruneLexer.COMMENT) {
                if (sameLine) {
                    if (!inStatement) trimNewline(out);
                    out.append("  ");
                } else if (inStatement) {
                    finishLine(out);
                    out.append(" ".repeat(indent)).append(CONTINUATION);
                } else {
                    blankLineIfSkipped(out, prev, t);
                    out.append(" ".repeat(indent));
                }
                out.append(t.getText().strip()).append('\n');
                if (inStatement) out.append(" ".repeat(indent)).append(CONTINUATION);
                prev = t;
                continue;
            }
            if (type == PruneLexer.SEMI && prev != null && prev.getType() == PruneLexer.RBRACE) {
                trimNewline(out);              // the optional ';' after a sweep's '}'
                out.append(";\n");
                prev = t;
                continue;
            }
            if (type == PruneLexer.RBRACE) {
                indent = Math.max(0, indent - 2);
                inStatement = false;
            }
            if (!inStatement) {
                blankLineIfSkipped(out, prev, t);
                out.append(" ".repeat(indent));
                inStatement = true;
            } else if (prev != null && prev.getType() != PruneLexer.COMMENT && t.getLine() > endLine(prev)) {
                out.append('\n').append(" ".repeat(indent)).append(CONTINUATION);
            } else if (prev != null && prev.getType() != PruneLexer.COMMENT && !NO_SPACE_BEFORE.contains(type)
                    && !NO_SPACE_AFTER.contains(prev.getType())) {
                out.append(' ');
            }
            out.append(t.getText());
            if (type == PruneLexer.SEMI || type == PruneLexer.LBRACE || type == PruneLexer.RBRACE) {
                out.append('\n');
                inStatement = false;
                if (type == PruneLexer.LBRACE) indent += 2;
            }
            prev = t;
        }
        finishLine(out);
        return out.toString();
    }

    private static int endLine(Token t) {
        return t.getLine() + (int) t.getText().chars().filter(c -> c == '\n').count();
    }

    private static void blankLineIfSkipped(StringBuilder out, Token prev, Token next) {
        if (prev != null && next.getLine() - endLine(prev) > 1 && out.length() > 0 && !out.toString().endsWith("\n\n")
                && !out.toString().endsWith("{\n")) {
            out.append('\n');
        }
    }

    private static void trimNewline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') out.setLength(out.length() - 1);
    }

    /** Drops the spaces at the end and ends the line, unless it has ended or nothing is written. */
    private static void finishLine(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') end--;
        out.setLength(end);
        if (end > 0 && out.charAt(end - 1) != '\n') out.append('\n');
    }
}
