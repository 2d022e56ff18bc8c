package org.prunesh.shell;

import org.prunesh.results.Comparison;
import org.prunesh.results.Metric;
import org.prunesh.results.PairedComparison;
import org.prunesh.results.PlotFiles;
import org.prunesh.results.RunLocator;
import org.prunesh.results.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code prune-sh plot RUN_DIR...}: PNG plots of runs on disk; prints the files written. */
@Command(name = "plot",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Plot runs on disk as PNG files and print their paths.",
            "Each run gets its sparsity schedule (schedule.png), training curves",
            "(training.png) and per-layer sparsity (layers.png) in RUN_DIR/plots/.",
            "Two runs or more also get test accuracy against sparsity, one point per",
            "configuration (accuracy-vs-sparsity.png), in plots/ of the folder that",
            "holds them. With --out, all go to DIR instead, a run's plots in",
            "DIR/<run directory name>/. A folder of runs stands for all of them;",
            "without a path, the runs directory is read. --against adds the paired",
            "differences from a baseline (paired-differences.png)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success (a plot a run has no data for is skipped, and said so on stderr)",
            "64:wrong command-line usage",
            "66:a path is not a run or a folder of runs, or a run's files cannot be read",
            "70:the plots cannot be written"
        })
final class PlotCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the plots here instead of beside the runs.")
    Path out;

    @Option(names = "--against", paramLabel = "VALUE",
            description = "Also plot every configuration's difference from this baseline, paired by seed, with its "
                    + "95% t interval (paired-differences.png): a sweep variable's value (fggp) or VARIABLE=VALUE.")
    String against;

    @Parameters(paramLabel = "RUN_DIR_OR_PARENT", arity = "0..*",
            description = "Run directories, or folders of them (default: the runs directory).")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<RunResults> runs = CompareCommand.readRuns(main, paths, stderr);
        if (runs == null) return Main.EX_NOINPUT;
        List<PlotFiles.Plotted> plotted = new ArrayList<>();
        for (RunResults run : runs) {
            Path dir = out != null ? out.resolve(run.directoryName()) : run.directory().resolve(PlotFiles.RUN_FOLDER);
            plotted.add(PlotFiles.writeRun(run, dir));
        }
        if (runs.size() > 1) {
            Path dir = out != null ? out : RunLocator.commonFolder(runs).resolve(PlotFiles.RUN_FOLDER);
            plotted.add(PlotFiles.writeComparison(Comparison.of(runs, Metric.TEST_ACCURACY), dir));
        }
        if (against != null) {
            PairedComparison paired;
            try {
                paired = PairedComparison.of(runs, Metric.TEST_ACCURACY, against);
            } catch (IllegalArgumentException e) {
                stderr.println("prune-sh: --against " + against + ": " + e.getMessage());
                stderr.flush();
                return Main.EX_USAGE;
            }
            plotted.add(PlotFiles.writePaired(paired,
                    out != null ? out : RunLocator.commonFolder(runs).resolve(PlotFiles.RUN_FOLDER)));
        }
        for (PlotFiles.Plotted p : plotted) {
            p.files().forEach(stdout::println);
            p.skipped().forEach(reason -> stderr.println("prune-sh: " + reason));
        }
        stdout.flush();
        stderr.flush();
        return Main.EX_OK;
    }
}
