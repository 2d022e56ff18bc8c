package org.prunesh.interpreter;

import org.prunesh.interpreter.ast.Script;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.check.CheckContext;
import org.prunesh.interpreter.check.CheckResult;
import org.prunesh.interpreter.check.Checker;
import org.prunesh.interpreter.check.DefKind;
import org.prunesh.interpreter.check.PruningSetup;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.diag.DiagnosticRenderer;
import org.prunesh.interpreter.exec.Executor;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.interpreter.exec.StateReport;
import org.prunesh.interpreter.exec.StatementError;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;
import org.prunesh.ops.schedule.ScheduleSpec;

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
 * evaluates a whole file in. Every input goes through the same pipeline: parse, check, a plan
 * pass that finds what needs the step clock, then execution. Definitions persist; a statement
 * that fails leaves the Session as it was before that statement.
 */
public final class Session {

    private final ScriptParser parser = new ScriptParser();
    private final Checker checker = new Checker();
    private final Executor executor;
    private final StringBuilder transcript = new StringBuilder();
    private volatile boolean cancelRequested;
    private SessionState state = SessionState.initial();
    private final Path baseDir;
    /** The texts of the script and of the files it imported, for rendering diagnostics. */
    private Map<String, String> lastSources = Map.of();
    /** What the checker knows of the pruning statements so far, so rules between them span inputs. */
    private PruningSetup checkedPruning = CheckContext.EMPTY.pruning();

    public Session(SessionConfig config, SessionListener listener) {
        this.executor = new Executor(config.baseDir(), config.runsDir(), config.writable(), listener);
        this.baseDir = config.baseDir();
    }

    /** Parses, checks, and (when there are no errors) executes every statement of {@code source}. */
    public synchronized Evaluation evaluate(String source, String sourceName) {
        cancelRequested = false;
        Checked checked = checkAll(source, sourceName);
        if (!checked.diagnostics.isEmpty()) return result(Outcome.SCRIPT_ERROR, checked.diagnostics, source);

        // Recorded before executing: statements that succeed change the state even if a later one fails.
        checkedPruning = checked.after().pruning();
        transcript.append(source).append(source.endsWith("\n") ? "" : "\n");
        String scriptText = transcript.toString();
        for (Stmt stmt : checked.statements) {
            try {
                state = executor.apply(stmt, state, null, scriptText, () -> cancelRequested);
            } catch (StatementError e) {
                return result(Outcome.RUNTIME_ERROR, List.of(new Diagnostic(e.span(), e.getMessage())), source);
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return result(Outcome.RUNTIME_ERROR, List.of(new Diagnostic(stmt.span(), "failed: " + message)), source);
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
        String source = Files.readString(point.runDir().resolve("script.prn"));
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

    /** Parses and checks only (including the plan pass); nothing is loaded or trained. */
    public synchronized Evaluation check(String source, String sourceName) {
        Checked checked = checkAll(source, sourceName);
        return result(checked.diagnostics.isEmpty() ? Outcome.OK : Outcome.SCRIPT_ERROR, checked.diagnostics, source);
    }

    private record Checked(List<Stmt> statements, List<Diagnostic> diagnostics, CheckContext after) {
    }

    /** What earlier inputs left, as the checker sees it. */
    private CheckContext context() {
        Map<String, DefKind> defs = new HashMap<>();
        state.definitions().forEach((name, value) ->
                defs.put(name, value instanceof ScheduleSpec ? DefKind.SCHEDULE
                        : value instanceof org.prunesh.interpreter.exec.ArchValue ? DefKind.ARCH : DefKind.SELECTION));
        return new CheckContext(defs, state.data() != null, state.model() != null, checkedPruning);
    }

    private Checked checkAll(String source, String sourceName) {
        Imports.Expanded expanded = Imports.expand(parser, baseDir, source, sourceName);
        lastSources = expanded.sources();
        CheckResult checkedNames = checker.check(new Script(expanded.statements()), context());
        List<Diagnostic> diagnostics = new ArrayList<>(expanded.diagnostics());
        diagnostics.addAll(checkedNames.diagnostics());
        if (diagnostics.isEmpty()) diagnostics.addAll(plan(expanded.statements()));
        return new Checked(expanded.statements(), diagnostics, checkedNames.after());
    }

    /** Runs every statement on a copy of the state without loading or training anything. */
    private List<Diagnostic> plan(List<Stmt> statements) {
        List<Diagnostic> out = new ArrayList<>();
        Executor.Plan plan = new Executor.Plan(state.lastRun() != null);
        SessionState planned = state;
        for (Stmt stmt : statements) {
            try {
                planned = executor.apply(stmt, planned, plan, "", () -> false);
            } catch (StatementError e) {
                out.add(new Diagnostic(e.span(), e.getMessage()));
            } catch (IllegalArgumentException e) {
                // a value the checker cannot judge alone (for example a schedule the step clock rejects)
                out.add(new Diagnostic(stmt.span(), e.getMessage()));
            }
        }
        return out;
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
        words.addAll(org.prunesh.interpreter.check.Vocabulary.allNames());
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
