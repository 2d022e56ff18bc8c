package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Error handling for one statement at a time: the first error in a statement is reported (with a
 * message from {@link SyntaxMessages}) and the statement is abandoned by throwing
 * {@link ParseCancellationException}; {@link ScriptParser} then skips to the next statement.
 *
 * <p>ANTLR's default strategy repairs the input by deleting or inserting a single token and
 * carries on inside the statement; we never do, so a statement either parses as written or is
 * reported and dropped, and no repaired statement reaches the checker.
 */
final class StatementErrorStrategy extends DefaultErrorStrategy {

    /**
     * The last loop or optional block that could have continued but did not, so that a missing
     * ';' after it reports everything that could have come there (all option keys, not just ';').
     */
    private int exitedState = ATNState.INVALID_STATE_NUMBER;
    private ParserRuleContext exitedContext;

    @Override
    public void reset(Parser recognizer) {
        super.reset(recognizer);
        forgetExit();
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        recognizer.notifyErrorListeners(e.getOffendingToken(), SyntaxMessages.describe(recognizer, e), e);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        if (exitedContext != null) {
            throw new InputMismatchException(recognizer, exitedState, exitedContext);
        }
        throw new InputMismatchException(recognizer);
    }

    @Override
    public void reportMatch(Parser recognizer) {
        super.reportMatch(recognizer);
        forgetExit();
    }

    /**
     * Checked at the start of every loop and optional block: a token that can neither continue it
     * nor follow it inside the rule is an error right here, where the expected set is widest.
     */
    @Override
    public void sync(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int next = recognizer.getInputStream().LA(1);
        IntervalSet possible = recognizer.getATN().nextTokens(state);
        if (possible.contains(next)) {
            forgetExit();
            return;
        }
        if (possible.contains(Token.EPSILON)) {
            // What follows lies outside this rule; remember where we were in case it does not match.
            exitedState = recognizer.getState();
            exitedContext = recognizer.getContext();
            return;
        }
        switch (state.getStateType()) {
            case ATNState.BLOCK_START, ATNState.STAR_BLOCK_START, ATNState.PLUS_BLOCK_START,
                 ATNState.STAR_LOOP_ENTRY, ATNState.PLUS_LOOP_BACK, ATNState.STAR_LOOP_BACK ->
                    throw new InputMismatchException(recognizer);
            default -> {
            }
        }
    }

    private void forgetExit() {
        exitedState = ATNState.INVALID_STATE_NUMBER;
        exitedContext = null;
    }
}
