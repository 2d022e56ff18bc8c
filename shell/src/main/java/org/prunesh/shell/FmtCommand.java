package org.prunesh.shell;

import org.prunesh.interpreter.diag.DiagnosticRenderer;
import org.prunesh.interpreter.syntax.Formatter;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code prune-sh fmt FILE}: the script in canonical layout. */
@Command(name = "fmt",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Print a script in canonical layout: one statement per line, single spaces, sweep bodies",
            "indented, comments kept. Only whitespace changes; a script with syntax errors is refused."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:success", "65:the script has syntax errors", "66:the script file cannot be read"})
final class FmtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--write", description = "Replace the file with its formatted text (atomically).")
    boolean write;

    @Parameters(paramLabel = "FILE", description = "The script to format (.prn).")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptFile script = ScriptFile.readOrSay(file, err);
        if (script == null) return Main.EX_NOINPUT;
        ParseResult parsed = new ScriptParser().parse(script.text(), script.name());
        if (!parsed.diagnostics().isEmpty()) {
            err.print(DiagnosticRenderer.render(parsed.diagnostics(), Map.of(script.name(), script.text())));
            err.flush();
            return 65;
        }
        String formatted = Formatter.format(script.text());
        if (!write) {
            out.print(formatted);
            out.flush();
            return Main.EX_OK;
        }
        try {
            Path target = script.path();
            Path tmp = target.resolveSibling(target.getFileName() + ".fmt.tmp");
            Files.writeString(tmp, formatted);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("prune-sh: cannot write " + file + ": " + e.getMessage());
            err.flush();
            return Main.EX_SOFTWARE;
        }
        return Main.EX_OK;
    }
}
