package org.prunesh.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code prune-sh run FILE}: evaluates a whole script and exits with its outcome. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Evaluate a whole script: check it, then load, train and report.",
            "Diagnostics go to standard error, outputs and progress to standard output.",
            "Ctrl-C stops training at the next step (exit 130)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "65:the script has errors",
            "66:the script file cannot be read",
            "70:runtime failure",
            "130:cancelled with Ctrl-C"
        })
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The script to run (.prn).")
    String file;

    @Override
    public Integer call() {
        return new ScriptRunner(main, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(file, ScriptRunner.Mode.EVALUATE);
    }
}
