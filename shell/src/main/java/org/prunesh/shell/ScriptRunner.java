package org.prunesh.shell;

import org.prunesh.ops.run.RunDirectory;
import org.jline.utils.Signals;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.ResumePoint;
import org.prunesh.interpreter.Session;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Evaluates or checks one script file in a fresh Session and turns the outcome into an exit code. */
final class ScriptRunner {

    enum Mode { EVALUATE, CHECK }

    private final Main main;
    private final PrintWriter out;
    private final PrintWriter err;

    ScriptRunner(Main main, PrintWriter out, PrintWriter err) {
        this.main = main;
        this.out = out;
        this.err = err;
    }

    int run(String file, Mode mode) {
        ScriptFile script = ScriptFile.readOrSay(file, err);
        if (script == null) return Main.EX_NOINPUT;
        // Paths inside a script (imports, data) are relative to the script, wherever it is run from.
        return execute(script.path().getParent(), main.runsDir(), mode == Mode.EVALUATE,
                session -> mode == Mode.EVALUATE
                        ? session.evaluate(script.text(), script.name())
                        : session.check(script.text(), script.name()));
    }

    /** Continues an interrupted run from its directory, then the rest of its script. */
    int resume(String runDir) {
        ResumePoint point;
        try {
            point = ResumePoint.of(Path.of(runDir));
        } catch (IOException e) {
            err.println("prune-sh: cannot resume " + runDir + ": " + e.getMessage());
            err.flush();
            return Main.EX_NOINPUT;
        }
        main.selectCells(point.cells());     // a run of a slice (run --only) goes on with that slice
        return execute(point.baseDir(), point.runsDir(), true, session -> {
            try {
                return session.resume(point);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Evaluates a run directory's recorded script afresh (or prints it). */
    int rerun(String runDir, boolean printOnly) {
        ResumePoint point;
        String text;
        try {
            point = ResumePoint.of(Path.of(runDir));
            text = java.nio.file.Files.readString(point.runDir().resolve(RunDirectory.SCRIPT));
        } catch (IOException e) {
            err.println("prune-sh: cannot rerun " + runDir + ": " + e.getMessage());
            err.flush();
            return Main.EX_NOINPUT;
        }
        if (printOnly) {
            out.print(text);
            out.flush();
            return Main.EX_OK;
        }
        return execute(point.baseDir(), main.runsDir(), true, session -> session.evaluate(text, point.source()));
    }

    private int execute(Path baseDir, Path runsDir, boolean trains, Function<Session, Evaluation> action) {
        ProgressView progress = main.stdoutIsTerminal()
                ? new BarProgress(out, () -> 0)
                : new EpochProgress(out);
        ShellListener listener = new ShellListener(out, progress);
        Session session = main.session(baseDir, runsDir, listener);
        Object previousHandler = trains ? cancelOnInterrupt(session) : null;
        Evaluation evaluation;
        try {
            evaluation = action.apply(session);
        } catch (RuntimeException | Error e) {
            listener.finish();
            out.flush();
            Failures.report(err, e, main.verbose());
            return Main.EX_SOFTWARE;
        } finally {
            if (trains) {
                Signals.unregister("INT", previousHandler);
            }
        }
        listener.finish();
        out.flush();
        String rendered = evaluation.rendered();
        if (!rendered.isEmpty()) {
            err.print(rendered.endsWith("\n") ? rendered : rendered + "\n");
        }
        if (evaluation.outcome() == Outcome.CANCELLED) {
            err.println("prune-sh: cancelled");
        }
        err.flush();
        return evaluation.outcome().exitCode();
    }

    /** First Ctrl-C: stop training at the next step; a second one: leave at once. */
    private Object cancelOnInterrupt(Session session) {
        AtomicInteger interrupts = new AtomicInteger();
        return Signals.register("INT", () -> {
            if (interrupts.getAndIncrement() == 0) {
                err.println("prune-sh: cancelling at the next step (Ctrl-C again to stop now)");
                err.flush();
                session.cancel();
            } else {
                System.exit(Main.EX_CANCELLED);
            }
        });
    }
}
