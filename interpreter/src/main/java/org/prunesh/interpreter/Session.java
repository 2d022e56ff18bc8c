package org.prunesh.interpreter;

import org.prunesh.ops.run.RunDirectory;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.diag.DiagnosticRenderer;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.interpreter.exec.Executor;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.interpreter.exec.StateReport;
import org.prunesh.interpreter.exec.StatementError;
import org.prunesh.interpreter.exec.Step;
import org.prunesh.interpreter.exec.SweepPlan;
import org.prunesh.interpreter.resolve.Resolver;
import org.prunesh.interpreter.resolve.State;
import org.prunesh.interpreter.resolve.Vocabulary;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One interpreter session: what the REPL keeps alive across inputs and what `prune-sh run`
 * evaluates a whole file in. Every input goes through the same pipeline: parse, resolve (check
 * and lower every statement once, against the session's state), then execute the resolved steps.
 * Definitions persist; a statement that fails leaves the Session as it was before that statement.
 */
public final class Session {

    private final ScriptParser parser = new ScriptParser();
    private final Executor executor;
    private final Resolver resolver;
    private final StringBuilder transcript = new StringBuilder();
    private volatile boolean cancelRequested;
    private SessionState state = SessionState.initial();
    private final Path baseDir;
    private final CellFilter cells;
    /** The texts of the script and of the files it imported, for rendering diagnostics. */
    private Map<String, String> lastSources = Map.of();

    public Session(SessionConfig config, SessionListener listener) {
        this.executor = new Executor(config.baseDir(), config.runsDir(), config.writable(), config.cells(), config.reuse(), listener);
        this.cells = config.cells();
        this.baseDir = config.baseDir();
        this.resolver = new Resolver(new Resolver.Paths() {
            public Path baseDir() {
                return config.baseDir();
            }

            public Path exportTarget(Str dir) throws StatementError {
                return executor.exportTarget(dir);
            }
        });
    }

    /** Parses, resolves, and (when there are no errors) executes every statement of {@code source}. */
    public synchronized Evaluation evaluate(String source, String sourceName) {
        cancelRequested = false;
        Resolved resolved = resolveAll(source, sourceName);
        if (!resolved.diagnostics().isEmpty()) return result(Outcome.SCRIPT_ERROR, resolved.diagnostics(), source);

        transcript.append(source).append(source.endsWith("\n") ? "" : "\n");
        Executor.Context context = new Executor.Context(transcript.toString(), () -> cancelRequested,
                Executor.Cell.NONE);
        for (Step step : resolved.steps()) {
            try {
                state = executor.execute(step, state, context);
            } catch (StatementError e) {
                return result(Outcome.RUNTIME_ERROR, List.of(new Diagnostic(e.span() == null ? step.span() : e.span(),
                        e.getMessage())), source);
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return result(Outcome.RUNTIME_ERROR, List.of(new Diagnostic(step.span(), "failed: " + message)), source);
            }
            if (cancelRequested) return result(Outcome.CANCELLED, List.of(), source);
        }
        return result(Outcome.OK, List.of(), source);
    }

    /**
     * Continues the interrupted run at {@code point} from its last checkpoint (or from the start
     * when it died in its first epoch), then the rest of its script. Use a fresh Session whose
     * config has {@code point.baseDir()} and {@code point.runsDir()}.
     */
    public synchronized Evaluation resume(ResumePoint point) throws IOException {
        String source = Files.readString(point.runDir().resolve(RunDirectory.SCRIPT));
        executor.resumeAt(point.ordinal(), point.runDir());
        return evaluate(source, point.source());
    }

    /**
     * One cell of the script's sweep (see {@link Executor#onlyCell}): the statements before the
     * sweep, then combination {@code index}, written to the runs directory as the whole sweep would
     * write it. {@code interrupted}, when not null, is a run of that cell to continue from its
     * checkpoint. Use a fresh Session.
     */
    public synchronized Evaluation evaluateCell(String source, String sourceName, int index, ResumePoint interrupted) {
        executor.onlyCell(index);
        if (interrupted != null) executor.resumeAt(interrupted.ordinal(), interrupted.runDir());
        return evaluate(source, sourceName);
    }

    /** Parses and resolves only; nothing is loaded or trained. */
    public synchronized Evaluation check(String source, String sourceName) {
        Resolved resolved = resolveAll(source, sourceName);
        return result(resolved.diagnostics().isEmpty() ? Outcome.OK : Outcome.SCRIPT_ERROR, resolved.diagnostics(),
                source);
    }

    /**
     * The sweeps of {@code source} expanded into cells, resolved against this session's state;
     * empty when the script has errors. The seam for running a sweep's cells elsewhere.
     */
    public synchronized List<SweepPlan> sweeps(String source, String sourceName) {
        Resolved resolved = resolveAll(source, sourceName);
        if (!resolved.diagnostics().isEmpty()) return List.of();
        return resolved.steps().stream().filter(Step.Sweep.class::isInstance)
                .map(step -> ((Step.Sweep) step).plan()).toList();
    }

    private record Resolved(List<Step> steps, List<Diagnostic> diagnostics) {
    }

    private Resolved resolveAll(String source, String sourceName) {
        Imports.Expanded expanded = Imports.expand(parser, baseDir, source, sourceName);
        lastSources = expanded.sources();
        List<Diagnostic> diagnostics = new ArrayList<>(expanded.diagnostics());
        Resolver.Resolution resolution = resolver.resolve(expanded.statements(), State.of(state));
        if (diagnostics.isEmpty() || !resolution.checked()) diagnostics.addAll(resolution.diagnostics());
        if (diagnostics.isEmpty()) diagnostics.addAll(cellFilterProblems(expanded.statements(), sourceName));
        return new Resolved(resolution.steps(), diagnostics);
    }

    /** An --only that names what no sweep has, at the sweep (or the script's start without one). */
    private List<Diagnostic> cellFilterProblems(List<Stmt> statements, String sourceName) {
        List<Stmt.Sweep> sweeps = statements.stream().filter(Stmt.Sweep.class::isInstance).map(Stmt.Sweep.class::cast)
                .toList();
        Span at = sweeps.isEmpty() ? new Span(sourceName, 1, 1, 1) : sweeps.get(0).span();
        return cells.problems(sweeps).stream().map(problem -> new Diagnostic(at, problem)).toList();
    }

    private Evaluation result(Outcome outcome, List<Diagnostic> diagnostics, String source) {
        Map<String, String> sources = new HashMap<>(lastSources);
        for (Diagnostic d : diagnostics) sources.putIfAbsent(d.span().source(), source);
        return new Evaluation(outcome, List.copyOf(diagnostics),
                diagnostics.isEmpty() ? "" : DiagnosticRenderer.render(diagnostics, sources));
    }

    /** True when {@code source} is a prefix of a statement the user is still typing. */
    public boolean isIncomplete(String source) {
        return parser.isIncomplete(source);
    }

    /** Thread-safe: asks a training run in progress to stop at its next step. */
    public void cancel() {
        cancelRequested = true;
    }

    /** The language's keywords, for completion. */
    public List<String> keywords() {
        List<String> words = new ArrayList<>(ScriptParser.keywords());
        words.addAll(Vocabulary.allNames());
        words.add(org.prunesh.interpreter.ast.Stmt.ShowConfig.WORD);
        return words.stream().distinct().toList();
    }

    /** The session's setup, definitions and last run, for the REPL's {@code :show}. */
    public synchronized String describeState() {
        return StateReport.describe(state);
    }

    /** Names defined with {@code let} so far. */
    public synchronized Set<String> definedNames() {
        return new TreeSet<>(state.definitions().keySet());
    }
}
