package org.prunesh.shell;

import org.jline.utils.Signals;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.cluster.ArrayFollower;
import org.prunesh.cluster.CellRuns;
import org.prunesh.cluster.CellSpec;
import org.prunesh.cluster.CellStatus;
import org.prunesh.cluster.SessionSweepCells;
import org.prunesh.cluster.Slurm;
import org.prunesh.cluster.SlurmException;
import org.prunesh.cluster.SlurmResources;
import org.prunesh.cluster.SlurmSubmitter;
import org.prunesh.cluster.Submission;
import org.prunesh.cluster.SweepCells;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code prune-sh run --executor slurm FILE}: checks the script, submits the sweep's cells that have
 * no finished run as one job array, follows it, and when every cell has finished evaluates the
 * script here, where the sweep takes each cell's run from disk and the statements after it report.
 */
final class SlurmRun {

    static final int EX_UNAVAILABLE = 69;

    private final Main main;
    private final PrintWriter out;
    private final PrintWriter err;

    SlurmRun(Main main, PrintWriter out, PrintWriter err) {
        this.main = main;
        this.out = out;
        this.err = err;
    }

    int run(String file, SlurmOptions options) {
        ScriptFile script;
        try {
            script = ScriptFile.read(file);
        } catch (ScriptFile.Unreadable e) {
            return fail(Main.EX_NOINPUT, e.getMessage());
        }
        Path baseDir = script.path().getParent();
        Evaluation checked = main.session(baseDir, SessionListener.SILENT).check(script.text(), script.name());
        if (checked.outcome() != Outcome.OK) {
            err.print(checked.rendered().endsWith("\n") ? checked.rendered() : checked.rendered() + "\n");
            err.flush();
            return checked.outcome().exitCode();
        }
        SweepCells sweepCells = new SessionSweepCells(baseDir, main.cells());
        List<CellSpec> cells;
        List<Integer> todo = new ArrayList<>();
        try {
            cells = sweepCells.cells(script.text(), script.name());
            CellRuns runs = new CellRuns(main.runsDir(), script.text());
            for (CellSpec c : cells) {
                if (main.cells().admits(c.values()) && !runs.finished(c)) todo.add(c.index());
            }
        } catch (SweepCells.NotACellScript e) {
            return fail(65, e.getMessage());
        } catch (IOException e) {
            return fail(Main.EX_SOFTWARE, "cannot read the runs directory: " + e.getMessage());
        }
        if (!todo.isEmpty()) {
            int followed = submitAndFollow(script, cells, todo, options);
            if (followed != Main.EX_OK || options.detach) return followed;
        } else {
            out.println("every " + (main.cells().keepsAll() ? "" : "selected ") + "cell of the sweep has a finished run in " + main.runsDir() + "; nothing to submit");
            out.flush();
        }
        // Every cell finished: the sweep takes each from disk, and the statements after it run here.
        return new ScriptRunner(main, out, err).run(file, ScriptRunner.Mode.EVALUATE);
    }

    private int submitAndFollow(ScriptFile script, List<CellSpec> cells, List<Integer> todo, SlurmOptions options) {
        SlurmResources resources;
        try {
            resources = options.resources();
        } catch (IOException | IllegalArgumentException e) {
            return fail(Main.EX_USAGE, e.getMessage());
        }
        Slurm slurm;
        Submission submission;
        try {
            slurm = Slurm.onPath(System.getenv("PATH"));
            String live = stillActive(slurm, script.path());
            if (live != null) return fail(EX_UNAVAILABLE, live);
            submission = new SlurmSubmitter(slurm).submit(script.path(), script.name(), cells, todo, resources, cellCommand(),
                    main.runsDir(), Path.of("").toAbsolutePath());
        } catch (SlurmException e) {
            return fail(EX_UNAVAILABLE, e.getMessage() + "\nnothing was submitted");
        } catch (IOException e) {
            return fail(Main.EX_SOFTWARE, "cannot write the submission: " + e.getMessage() + "\nnothing was submitted");
        }
        out.println("submitted job " + submission.jobId() + ": " + todo.size() + " of " + cells.size() + " cells"
                + (todo.size() == cells.size() ? "" : main.cells().keepsAll() ? " (the others finished before)"
                        : " (the others finished before or --only leaves them out)")
                + "; logs in " + submission.directory());
        if (options.detach) {
            out.println("prune-sh status " + main.runsDir() + "   shows how the cells stand");
            out.flush();
            return Main.EX_OK;
        }
        out.flush();
        AtomicBoolean stop = new AtomicBoolean();
        Object previous = Signals.register("INT", () -> stop.set(true));
        Map<Integer, CellStatus> last;
        try {
            last = new ArrayFollower(slurm, Math.round(options.pollSeconds * 1000)).follow(submission,
                    (cell, status) -> {
                        out.println(CellLines.line(submission, cell, status));
                        out.flush();
                    }, stop::get);
        } catch (SlurmException e) {
            return fail(Main.EX_SOFTWARE, "cannot follow job " + submission.jobId() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EX_CANCELLED;
        } finally {
            Signals.unregister("INT", previous);
        }
        if (stop.get() && !last.values().stream().allMatch(c -> c.phase().ended())) {
            out.println("stopped following; job " + submission.jobId() + " goes on ('prune-sh status "
                    + main.runsDir() + "', 'scancel " + submission.jobId() + "')");
            out.flush();
            return Main.EX_CANCELLED;
        }
        long failed = last.values().stream().filter(c -> c.phase() == CellStatus.Phase.FAILED).count();
        if (failed > 0) {
            for (Map.Entry<Integer, CellStatus> e : last.entrySet()) {
                if (e.getValue().phase() == CellStatus.Phase.FAILED) {
                    err.println(CellLines.line(submission, cells.get(e.getKey()), e.getValue()));
                }
            }
            err.println("prune-sh: " + failed + " of " + todo.size() + " cells failed; the same command submits "
                    + "the cells without a finished run again; 'prune-sh compare " + main.runsDir()
                    + "' compares those that finished");
            err.flush();
            return Main.EX_SOFTWARE;
        }
        return Main.EX_OK;
    }

    /** Why not to submit while this script's last array still has cells pending or running, else null. */
    private String stillActive(Slurm slurm, Path script) throws SlurmException, IOException {
        Submission last = Submission.latest(main.runsDir()).orElse(null);
        if (last == null || !last.script().equals(script)) return null;
        long active = ArrayFollower.poll(slurm, last).values().stream().filter(c -> !c.phase().ended()).count();
        if (active == 0) return null;
        return "job " + last.jobId() + " still has " + active + " cells of this sweep pending or running; "
                + "'prune-sh status " + main.runsDir() + "' follows them, 'scancel " + last.jobId() + "' stops them";
    }

    /** How an array task starts a cell: this JVM's java, options and class path, then {@code cell}. */
    private List<String> cellCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger's port cannot be shared by the cells
            if (!arg.startsWith("-agentlib:jdwp") && !arg.startsWith("-Xdebug")) command.add(arg);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("--runs-dir");
        command.add(main.runsDir().toString());
        if (main.verbose()) command.add("--verbose");
        for (Path p : main.allowWrite()) {
            command.add("--allow-write");
            command.add(p.toAbsolutePath().toString());
        }
        command.add("cell");
        return command;
    }

    private int fail(int code, String message) {
        err.println("prune-sh: " + message);
        err.flush();
        return code;
    }
}
