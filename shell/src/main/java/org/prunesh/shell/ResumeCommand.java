package org.prunesh.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code prune-sh resume RUN_DIR}: continues an interrupted run, then the rest of its script. */
@Command(name = "resume",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Continue an interrupted run from its last checkpoint, then the rest of its script.",
            "A checkpoint is written after every epoch, and at the step where Ctrl-C or a signal",
            "stopped the run; a killed, crashed or cancelled run resumed ends where the uninterrupted",
            "run would have. Later runs go beside RUN_DIR."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "65:the recorded script no longer checks",
            "66:RUN_DIR is not a run directory",
            "70:runtime failure",
            "130:cancelled with Ctrl-C"
        })
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "The run directory (runs/<time>-<name>).")
    String runDir;

    @Override
    public Integer call() {
        return new ScriptRunner(main, spec.commandLine().getOut(), spec.commandLine().getErr()).resume(runDir);
    }
}
