package org.prunesh.shell;

import org.prunesh.cluster.ArrayFollower;
import org.prunesh.cluster.CellSpec;
import org.prunesh.cluster.CellStatus;
import org.prunesh.cluster.Slurm;
import org.prunesh.cluster.SlurmException;
import org.prunesh.cluster.Submission;
import org.prunesh.cluster.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code prune-sh status [RUNS_DIR]}: how the cells of the last Slurm submission there stand. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Show the cells of the last sweep submitted to Slurm from RUNS_DIR: pending, running,",
            "done or failed (with Slurm's state, exit code and log). Without Slurm's commands,",
            "the exit statuses the cells left on disk are shown."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "66:RUNS_DIR holds no submission"
        })
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUNS_DIR", arity = "0..1", description = "The runs directory (default: --runs-dir).")
    Path runsDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = runsDir != null ? runsDir.toAbsolutePath().normalize() : main.runsDir();
        Optional<Submission> latest = Submission.latest(dir);
        if (latest.isEmpty()) {
            err.println("prune-sh: no Slurm submission recorded in " + dir + " (" + Submission.FOLDER + "/)");
            err.flush();
            return Main.EX_NOINPUT;
        }
        Submission s = latest.get();
        Map<Integer, CellStatus> states;
        try {
            states = ArrayFollower.poll(Slurm.onPath(System.getenv("PATH")), s);
        } catch (SlurmException e) {
            err.println("prune-sh: " + e.getMessage() + "; showing the exit statuses on disk");
            err.flush();
            states = new java.util.LinkedHashMap<>();
            for (int i : s.submitted()) states.put(i, CellStatus.of(i, Map.<Integer, TaskState>of(), s.directory()));
        }
        out.println("job " + s.jobId() + " (" + s.script() + "): " + s.submitted().size() + " of " + s.cells().size()
                + " cells submitted; " + s.directory());
        for (CellSpec cell : s.cells()) {
            CellStatus status = states.get(cell.index());
            out.println(status == null ? "cell " + cell.index() + " [" + cell.label() + "]: finished before"
                    : CellLines.line(s, cell, status));
        }
        out.flush();
        return Main.EX_OK;
    }
}
