package org.prunesh.interpreter.cluster;

import org.prunesh.interpreter.CellFilter;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Imports;
import org.prunesh.interpreter.ResumePoint;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Sweeps;
import org.prunesh.interpreter.ast.Value;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link SweepCells} on the interpreter: cells from the expanded script's sweep, labelled as the
 * resolver's {@code SweepPlan} labels them ({@link Sweeps#combinations}, same order, so index k is the
 * plan's cell k), one cell run by {@link Session#evaluateCell} (the resolver's {@code Executor.runCell}
 * for that cell). The only class of this package that knows the AST and the Session.
 */
public final class SessionSweepCells implements SweepCells {

    private final Path baseDir;
    private final CellFilter filter;

    /**
     * @param baseDir the directory the script's relative paths (imports) resolve against
     * @param filter  the cells the user selected ({@code --only}); checked against the sweep here, the
     *                submitter leaves the others out (every cell is listed, so indices stay the sweep's)
     */
    public SessionSweepCells(Path baseDir, CellFilter filter) {
        this.baseDir = baseDir;
        this.filter = filter;
    }

    /** Every cell. */
    public SessionSweepCells(Path baseDir) {
        this(baseDir, CellFilter.ALL);
    }

    @Override
    public List<CellSpec> cells(String source, String sourceName) throws NotACellScript {
        Imports.Expanded expanded = Imports.expand(new ScriptParser(), baseDir, source, sourceName);
        if (!expanded.diagnostics().isEmpty()) {
            throw new NotACellScript(sourceName + ": the script has errors; 'prune-sh check' lists them");
        }
        List<Stmt> statements = expanded.statements();
        List<Stmt.Sweep> sweeps = statements.stream().filter(Stmt.Sweep.class::isInstance).map(Stmt.Sweep.class::cast)
                .toList();
        if (sweeps.isEmpty()) {
            throw new NotACellScript(sourceName + ": no sweep to run as a job array; run the script locally");
        }
        if (sweeps.size() > 1) {
            throw new NotACellScript(at(sweeps.get(1).span()) + ": a second sweep; the cluster executor runs one "
                    + "sweep per script as one job array (put each sweep in its own script)");
        }
        Stmt.Sweep sweep = sweeps.get(0);
        for (Stmt s : statements.subList(0, statements.indexOf(sweep))) {
            String what = s instanceof Stmt.Run ? "run" : s instanceof Stmt.PruneNow ? "prune now"
                    : s instanceof Stmt.Search ? "search" : s instanceof Stmt.Extract ? "extract" : null;
            if (what != null) {
                throw new NotACellScript(at(s.span()) + ": '" + what + "' before the sweep would be done again by "
                        + "every cell; move it after the sweep or into its own script");
            }
        }
        List<String> problems = filter.problems(List.of(sweep));
        if (!problems.isEmpty()) throw new NotACellScript(at(sweep.span()) + ": " + String.join("; ", problems));
        List<CellSpec> cells = new ArrayList<>();
        List<Map<String, Value>> combinations = Sweeps.combinations(sweep);
        for (int i = 0; i < combinations.size(); i++) {
            String label = Sweeps.label(combinations.get(i));
            List<String> names = sweep.body().stream().filter(Stmt.Run.class::isInstance).map(Stmt.Run.class::cast)
                    .map(r -> (r.name() == null ? "run" : r.name().value()) + "[" + label + "]").toList();
            cells.add(new CellSpec(i, label, names, CellFilter.texts(combinations.get(i))));
        }
        return cells;
    }

    @Override
    public Evaluation runCell(SessionConfig config, SessionListener listener, String source, String sourceName,
                              int index, Path interrupted, CellControl control) {
        Session session = new Session(config, listener);
        control.started(session::cancel);
        try {
            return session.evaluateCell(source, sourceName, index,
                    interrupted == null ? null : ResumePoint.of(interrupted));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot continue " + interrupted + ": " + e.getMessage(), e);
        }
    }

    private static String at(Span span) {
        return span.source() + ":" + span.line() + ":" + span.column();
    }
}
