package org.prunesh.shell;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code prune-sh check FILE}: reports every error of a script without loading or training anything. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = "Check a script and report all its errors; nothing is loaded or trained.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:no errors",
            "65:the script has errors",
            "66:the script file cannot be read"
        })
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The script to check (.prn).")
    String file;

    @Override
    public Integer call() {
        return new ScriptRunner(main, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(file, ScriptRunner.Mode.CHECK);
    }
}
