package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.prunesh.grammar.PruneLexer;
import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.Script;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The front end's entry point: source text in, AST and syntax diagnostics out. No ANTLR type
 * crosses this class's public surface.
 *
 * <p>Statements are parsed one at a time. A statement with an error is reported once and skipped
 * up to and including the next ';' (or up to a statement keyword that starts a line, which is
 * where a forgotten ';' usually leaves us), and parsing carries on, so one pass reports every
 * broken statement and hands every good one to the checker.
 */
public final class ScriptParser {

    public ParseResult parse(String source, String sourceName) {
        return run(source, sourceName).result;
    }

    /**
     * True when {@code source} stops in the middle of a statement: it has syntax errors and all
     * of them are at the end of the input (an unfinished statement, a missing ';'). Blank or
     * comment-only input is complete, and so is input with an error anywhere else.
     */
    public boolean isIncomplete(String source) {
        return run(source, "<input>").onlyAtEnd;
    }

    /** Every keyword of the language, in the grammar's order (for completion). */
    public static List<String> keywords() {
        return IntStream.rangeClosed(1, PruneLexer.VOCABULARY.getMaxTokenType())
                .filter(SyntaxMessages::isWord)
                .mapToObj(SyntaxMessages::literal)
                .toList();
    }

    /** The statement heads are the keywords from SEED to EXTRACT, the last one the grammar lists. */
    private static final int FIRST_HEAD = PruneLexer.SEED;
    private static final int LAST_HEAD = PruneLexer.EXTRACT;

    /** The words that start a statement. */
    public static List<String> statementKeywords() {
        return IntStream.rangeClosed(FIRST_HEAD, LAST_HEAD).mapToObj(SyntaxMessages::literal).toList();
    }

    /** True when a token of type {@code tokenType} starts a statement (for highlighting and recovery). */
    public static boolean isStatementHead(int tokenType) {
        return tokenType >= FIRST_HEAD && tokenType <= LAST_HEAD;
    }

    private record Run(ParseResult result, boolean onlyAtEnd) {
    }

    private Run run(String source, String sourceName) {
        PruneLexer lexer = new PruneLexer(CharStreams.fromString(source, sourceName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SourceSpans spans = new SourceSpans(sourceName, tokens);
        Diagnostic tooDeep = NestingLimit.tooDeep(tokens, spans);
        if (tooDeep != null) {
            return new Run(new ParseResult(new Script(List.of()), List.of(tooDeep)), false);
        }
        PruneParser parser = new PruneParser(tokens);
        parser.removeErrorListeners();
        SyntaxErrorCollector errors = new SyntaxErrorCollector(spans);
        parser.addErrorListener(errors);
        StatementErrorStrategy strategy = new StatementErrorStrategy();
        parser.setErrorHandler(strategy);

        AstBuilder builder = new AstBuilder(spans);
        List<Stmt> statements = new ArrayList<>();
        while (tokens.LA(1) != Token.EOF) {
            int start = tokens.index();
            try {
                statements.add(builder.statement(parser.statement()));
            } catch (ParseCancellationException abandoned) {
                skipStatement(tokens, start);
                strategy.reset(parser);
            }
        }
        Script script = new Script(statements);
        return new Run(new ParseResult(script, errors.diagnostics()), errors.onlyAtEnd());
    }

    private static void skipStatement(CommonTokenStream tokens, int start) {
        while (true) {
            Token next = tokens.LT(1);
            if (next.getType() == Token.EOF) {
                return;
            }
            if (next.getType() == PruneLexer.SEMI) {
                tokens.consume();
                return;
            }
            if (next.getTokenIndex() > start && isStatementHead(next.getType())
                    && startsLine(tokens, next)) {
                return;
            }
            tokens.consume();
        }
    }

    private static boolean startsLine(CommonTokenStream tokens, Token token) {
        return token.getTokenIndex() == 0 || tokens.get(token.getTokenIndex() - 1).getLine() < token.getLine();
    }
}
