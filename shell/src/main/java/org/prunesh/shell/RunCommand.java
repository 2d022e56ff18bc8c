package org.prunesh.shell;

import org.prunesh.interpreter.CellFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code prune-sh run FILE}: evaluates a whole script and exits with its outcome. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Evaluate a whole script: check it, then load, train and report.",
            "Diagnostics go to standard error, outputs and progress to standard output.",
            "Ctrl-C stops training at the next step (exit 130).",
            "With --executor slurm, the script's sweep runs as one Slurm job array, one cell",
            "per task, and the statements after the sweep run here on the results."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "64:wrong command-line usage or Slurm options",
            "65:the script has errors (or its sweep cannot run as cells)",
            "66:the script file cannot be read",
            "69:Slurm is missing or rejects the submission (nothing was submitted)",
            "70:runtime failure, or cells of the array failed",
            "130:cancelled with Ctrl-C"
        })
final class RunCommand implements Callable<Integer> {

    enum ExecutorKind { local, slurm }

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--executor", paramLabel = "WHERE", defaultValue = "local",
            description = "Where the sweep's cells run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ExecutorKind executor;

    @Mixin
    SlurmOptions slurm;

    @Option(names = "--only", paramLabel = "VAR=V1,V2",
            description = {"Carry out only the sweep's cells whose VAR is one of the values given; repeatable "
                    + "(each VAR narrows further). Run names and configurations stay the whole sweep's, so "
                    + "running without --only later takes these cells' runs from disk."})
    List<String> only = new ArrayList<>();

    @Option(names = "--reuse",
            description = {"Take a run that finished before in the runs directory, with the same name and "
                    + "configuration, from disk instead of training it again, outside sweeps too (sweeps always "
                    + "do): the statements after it (search, extract, report) run on the trained network."})
    boolean reuse;

    @Parameters(paramLabel = "FILE", description = "The script to run (.prn).")
    String file;

    @Override
    public Integer call() {
        try {
            main.selectCells(CellFilter.parse(only));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("prune-sh: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Main.EX_USAGE;
        }
        if (reuse) main.reuseFinishedRuns();
        if (executor == ExecutorKind.slurm) {
            return new SlurmRun(main, spec.commandLine().getOut(), spec.commandLine().getErr()).run(file, slurm);
        }
        if (slurm.given()) {
            spec.commandLine().getErr().println("prune-sh: Slurm options need --executor slurm");
            spec.commandLine().getErr().flush();
            return Main.EX_USAGE;
        }
        return new ScriptRunner(main, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(file, ScriptRunner.Mode.EVALUATE);
    }
}
