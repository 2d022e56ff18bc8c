package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.prunesh.interpreter.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/** Collects the parser's syntax errors as diagnostics instead of printing them. */
final class SyntaxErrorCollector extends BaseErrorListener {

    private final SourceSpans spans;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private boolean allAtEnd = true;

    SyntaxErrorCollector(SourceSpans spans) {
        this.spans = spans;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String message, RecognitionException e) {
        Token token = (Token) offendingSymbol;
        diagnostics.add(new Diagnostic(spans.ofError(token), message));
        allAtEnd &= token.getType() == Token.EOF;
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** True when there are errors and every one of them is at the end of the input. */
    boolean onlyAtEnd() {
        return !diagnostics.isEmpty() && allAtEnd;
    }
}
