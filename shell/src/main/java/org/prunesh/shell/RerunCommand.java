package org.prunesh.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code prune-sh rerun RUN_DIR}: runs the script a run recorded again, from the start. */
@Command(name = "rerun",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Run the script a run directory recorded (its script.prn) again, from the start.",
            "Relative paths resolve as they did for the original run; new runs go to --runs-dir.",
            "With --print, only print the recorded script."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "65:the recorded script no longer checks",
            "66:RUN_DIR is not a run directory",
            "70:runtime failure",
            "130:cancelled with Ctrl-C"
        })
final class RerunCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--print", description = "Print the recorded script instead of running it.")
    boolean print;

    @Parameters(paramLabel = "RUN_DIR", description = "The run directory (runs/<time>-<name>).")
    String runDir;

    @Override
    public Integer call() {
        return new ScriptRunner(main, spec.commandLine().getOut(), spec.commandLine().getErr()).rerun(runDir, print);
    }
}
