package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.exec.StatementError;
import org.prunesh.interpreter.exec.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one pass between the AST and execution. It walks a script's statements once, in order,
 * against the session's (immutable) state: each statement's handler checks it (names against the
 * vocabularies and the definitions, options, numbers, rules between statements, order) and lowers
 * it to a typed, spanned {@link Step} applied to a planned copy of the state, so that what needs
 * the step clock (a schedule's points in mixed units, a model against the data's shape, a run
 * before a report) is found here too. Nothing is loaded or trained: {@code prune-sh check} is this
 * pass alone, and {@code run} carries out the steps it returns.
 *
 * <p>Every finding of the checks is reported, all at once. A statement is lowered when its own
 * checks found nothing, even after an earlier statement's finding, so that the planned state, which
 * later statements are checked against, holds every valid statement (see {@link State} for what a
 * statement with errors leaves). Lowering's own findings are reported only when the checks found
 * nothing; steps are returned only when nothing was found at all.
 */
public final class Resolver {

    private static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column());

    /** Resolves what a script writes that depends on where it runs: data paths, export directories. */
    public interface Paths {
        Path baseDir();

        /** The directory an export writes to; a script error when the script may not write there. */
        Path exportTarget(org.prunesh.interpreter.ast.Str dir) throws StatementError;
    }

    /**
     * @param steps       what to carry out, one per statement (a sweep is one step with its cells); empty
     *                    when there are diagnostics
     * @param diagnostics every problem found, in source order; empty when the steps can run
     * @param after       the state after every statement
     * @param checked     true when the checks found nothing (the diagnostics, if any, are lowering's)
     */
    public record Resolution(List<Step> steps, List<Diagnostic> diagnostics, State after, boolean checked) {

        public Resolution {
            steps = List.copyOf(steps);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Paths paths;

    public Resolver(Paths paths) {
        this.paths = paths;
    }

    public Resolution resolve(List<Stmt> statements, State start) {
        Handlers handlers = new Handlers(paths);
        List<Step> steps = new ArrayList<>();
        State current = start;
        for (Stmt statement : statements) {
            current = handlers.handle(statement, current, steps);
        }
        List<Diagnostic> checked = handlers.problems.list();
        // distinct: a sweep's body is checked once per cell and may repeat a finding
        List<Diagnostic> found = checked.isEmpty() ? handlers.lowering
                : checked.stream().distinct().sorted(BY_POSITION).toList();
        return new Resolution(found.isEmpty() ? steps : List.of(), found, current, checked.isEmpty());
    }

    /** The message when {@code what} lacks data or a model, or null; the one place of that rule. */
    static String missingSetup(String what, boolean hasData, boolean hasModel) {
        if (!hasData && !hasModel) {
            return what + " needs data and a model: add 'data ...;' and 'model ...;' before it";
        }
        if (!hasData) return what + " needs data: add 'data ...;' before it";
        if (!hasModel) return what + " needs a model: add 'model ...;' before it";
        return null;
    }
}
