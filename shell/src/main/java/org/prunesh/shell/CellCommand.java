package org.prunesh.shell;

import org.jline.utils.Signals;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.cluster.CellRuns;
import org.prunesh.cluster.CellSpec;
import org.prunesh.cluster.SessionSweepCells;
import org.prunesh.cluster.SweepCells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code prune-sh cell --index K FILE}, what one task of a Slurm array runs: the script's statements
 * before its sweep, then cell K. A run of this cell that was stopped before (preempted, timed out,
 * cancelled) continues from its checkpoint. TERM stops training after the step in progress and
 * checkpoints it there, inside its epoch, as Ctrl-C does; the requeued task continues from that step.
 */
@Command(name = "cell", hidden = true,
        description = "Run one cell of the script's sweep (what a Slurm array task runs).")
final class CellCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "K", description = "The cell (the array task's index).")
    int index;

    @Parameters(paramLabel = "FILE", description = "The script (.prn).")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptFile script = ScriptFile.readOrSay(file, err);
        if (script == null) return Main.EX_NOINPUT;
        Path baseDir = script.path().getParent();
        SweepCells cells = new SessionSweepCells(baseDir);
        Path interrupted;
        try {
            List<CellSpec> all = cells.cells(script.text(), script.name());
            if (index < 0 || index >= all.size()) {
                err.println("prune-sh: the sweep has cells 0 to " + (all.size() - 1) + ", not " + index);
                err.flush();
                return Main.EX_USAGE;
            }
            interrupted = new CellRuns(main.runsDir(), script.text()).interrupted(all.get(index)).orElse(null);
        } catch (SweepCells.NotACellScript e) {
            err.println("prune-sh: " + e.getMessage());
            err.flush();
            return 65;
        } catch (IOException e) {
            err.println("prune-sh: cannot read the runs directory: " + e.getMessage());
            err.flush();
            return Main.EX_SOFTWARE;
        }
        if (interrupted != null) out.println("continuing the cell's interrupted run in " + interrupted);
        ShellListener listener = new ShellListener(out, new EpochProgress(out));
        AtomicReference<Runnable> cancel = new AtomicReference<>(() -> { });
        Runnable onSignal = () -> {
            err.println("prune-sh: signalled; stopping after the step in progress, with a checkpoint there");
            err.flush();
            cancel.get().run();
        };
        Object previousTerm = Signals.register("TERM", onSignal);
        Object previousInt = Signals.register("INT", onSignal);
        Evaluation evaluation;
        try {
            evaluation = cells.runCell(new SessionConfig(main.runsDir(), baseDir, main.verbose(), main.allowWrite()),
                    listener, script.text(), script.name(), index, interrupted, cancel::set);
        } catch (RuntimeException | Error e) {
            listener.finish();
            Failures.report(err, e, main.verbose());
            return Main.EX_SOFTWARE;
        } finally {
            Signals.unregister("TERM", previousTerm);
            Signals.unregister("INT", previousInt);
        }
        listener.finish();
        out.flush();
        if (!evaluation.rendered().isEmpty()) err.print(evaluation.rendered());
        if (evaluation.outcome() == Outcome.CANCELLED) err.println("prune-sh: cell " + index + " stopped");
        err.flush();
        return evaluation.outcome().exitCode();
    }
}
