package org.prunesh.shell;

import org.jline.utils.Signals;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.Session;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

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
        ScriptFile script;
        try {
            script = ScriptFile.read(file);
        } catch (ScriptFile.Unreadable e) {
            err.println("prune-sh: " + e.getMessage());
            err.flush();
            return Main.EX_NOINPUT;
        }
        ProgressView progress = main.stdoutIsTerminal()
                ? new InPlaceProgress(out, System::nanoTime, InPlaceProgress.DEFAULT_INTERVAL_NANOS, () -> 0)
                : new EpochProgress(out);
        ShellListener listener = new ShellListener(out, progress);
        // Paths inside a script (imports, data) are relative to the script, wherever it is run from.
        Session session = main.session(script.path().getParent(), listener);
        Object previousHandler = mode == Mode.EVALUATE ? cancelOnInterrupt(session) : null;
        Evaluation evaluation;
        try {
            evaluation = mode == Mode.EVALUATE
                    ? session.evaluate(script.text(), script.name())
                    : session.check(script.text(), script.name());
        } catch (RuntimeException | Error e) {
            listener.finish();
            out.flush();
            Failures.report(err, e, main.verbose());
            return Main.EX_SOFTWARE;
        } finally {
            if (mode == Mode.EVALUATE) {
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
