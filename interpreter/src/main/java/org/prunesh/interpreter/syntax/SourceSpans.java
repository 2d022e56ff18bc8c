package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.prunesh.interpreter.diag.Span;

/**
 * Spans of tokens and parse-tree nodes in one source. A span is on one line: a construct that
 * continues on later lines is marked from its start to its last token on its first line.
 */
final class SourceSpans {

    private final String sourceName;
    private final TokenStream tokens;

    SourceSpans(String sourceName, TokenStream tokens) {
        this.sourceName = sourceName;
        this.tokens = tokens;
    }

    Span of(ParserRuleContext ctx) {
        return between(ctx.getStart(), ctx.getStop() == null ? ctx.getStart() : ctx.getStop());
    }

    Span of(Token token) {
        return between(token, token);
    }

    /** From {@code first} to {@code last}, or to the last token on {@code first}'s line when {@code last} is lower. */
    Span between(Token first, Token last) {
        Token end = last;
        for (int i = last.getTokenIndex(); end.getLine() != first.getLine() && i > first.getTokenIndex(); i--) {
            Token before = tokens.get(i - 1);
            if (before.getChannel() == Token.DEFAULT_CHANNEL) end = before;   // comments are not the statement
        }
        int length = end.getStopIndex() - first.getStartIndex() + 1;
        return new Span(sourceName, first.getLine(), first.getCharPositionInLine() + 1, Math.max(1, length));
    }

    /**
     * Where an error at {@code token} is shown. End of input is shown just after the last token,
     * on its line, which is where the missing text belongs.
     */
    Span ofError(Token token) {
        if (token.getType() != Token.EOF) {
            return of(token);
        }
        int index = token.getTokenIndex() - 1;
        while (index >= 0 && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) index--;
        if (index < 0) {
            return new Span(sourceName, token.getLine(), token.getCharPositionInLine() + 1, 1);
        }
        Token last = tokens.get(index);
        int column = last.getCharPositionInLine() + 1 + (last.getStopIndex() - last.getStartIndex() + 1);
        return new Span(sourceName, last.getLine(), column, 1);
    }
}
