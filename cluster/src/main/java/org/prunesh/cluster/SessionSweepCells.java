package org.prunesh.cluster;

import org.prunesh.interpreter.CellFilter;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Imports;
import org.prunesh.interpreter.ResumePoint;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.interpreter.exec.Step;
import org.prunesh.interpreter.exec.SweepCell;
import org.prunesh.interpreter.exec.SweepPlan;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SweepCells} on the interpreter: the cells of the resolver's {@link SweepPlan} of the
 * script's one sweep (index k is the plan's cell k), one cell run by {@link Session#evaluateCell} (the resolver's {@code Executor.runCell}
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
                    : s instanceof Stmt.Search ? "search" : s instanceof Stmt.Extract || s instanceof Stmt.ExtractPruned ? "extract" : null;
            if (what != null) {
                throw new NotACellScript(at(s.span()) + ": '" + what + "' before the sweep would be done again by "
                        + "every cell; move it after the sweep or into its own script");
            }
        }
        List<String> problems = filter.problems(List.of(sweep));
        if (!problems.isEmpty()) throw new NotACellScript(at(sweep.span()) + ": " + String.join("; ", problems));
        // Run names from the resolved plan: a run inside a block the cell uses is one of its runs too.
        List<SweepPlan> plans = new Session(new SessionConfig(baseDir.resolve("runs"), baseDir, false),
                SessionListener.SILENT).sweeps(source, sourceName);
        if (plans.size() != 1) {
            throw new NotACellScript(sourceName + ": the script has errors; 'prune-sh check' lists them");
        }
        List<CellSpec> cells = new ArrayList<>();
        for (SweepCell cell : plans.get(0).cells()) {
            List<String> names = cell.body().stream().filter(Step.Run.class::isInstance).map(Step.Run.class::cast)
                    .map(r -> r.name() + "[" + cell.label() + "]").toList();
            cells.add(new CellSpec(cell.index(), cell.label(), names, cell.values()));
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
