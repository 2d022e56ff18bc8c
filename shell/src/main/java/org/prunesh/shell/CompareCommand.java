package org.prunesh.shell;

import org.prunesh.results.Comparison;
import org.prunesh.results.ComparisonFiles;
import org.prunesh.results.ComparisonTable;
import org.prunesh.results.Metric;
import org.prunesh.results.PairedComparison;
import org.prunesh.results.PairedFiles;
import org.prunesh.results.PairedTable;
import org.prunesh.results.RunLocator;
import org.prunesh.results.RunResults;
import org.prunesh.results.UnreadableRunException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code prune-sh compare RUN_DIR...}: runs on disk grouped into configurations, mean and std over seeds. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Compare runs on disk, mean and standard deviation per configuration.",
            "A configuration is the runs whose config.json differ only by name and",
            "seed. The table is also written as comparison.csv and comparison.json,",
            "beside the runs unless --out says where. A folder of runs stands for",
            "all of them; without a path, the runs directory is read. With",
            "--against, configurations are also compared with a baseline, paired by seed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "64:wrong command-line usage",
            "66:a path is not a run or a folder of runs, or a run's files cannot be read",
            "70:the results cannot be written"
        })
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--by", paramLabel = "METRIC", defaultValue = "test_accuracy",
            completionCandidates = MetricNames.class,
            description = "Sort by this metric, best first, and show its spread: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write comparison.csv and comparison.json here (default: the folder holding the runs).")
    Path out;

    @Option(names = "--against", paramLabel = "VALUE",
            description = {"Also compare every configuration with this baseline, paired by seed: a value of a "
                    + "sweep variable (fggp) or VARIABLE=VALUE; a run outside a sweep is run=NAME. Prints the mean "
                    + "difference per setting with its 95% t interval, and mean ranks over settings; "
                    + "writes paired.csv and paired.json."})
    String against;

    @Parameters(paramLabel = "RUN_DIR_OR_PARENT", arity = "0..*",
            description = "Run directories, or folders of them (default: the runs directory).")
    List<Path> paths;

    /** The metric names, for the help text. */
    static final class MetricNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Metric.values()).map(Metric::key).iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Metric> metric = Metric.named(by);
        if (metric.isEmpty()) {
            stderr.println("prune-sh: unknown metric '" + by + "'; expected one of: " + Metric.names());
            stderr.flush();
            return Main.EX_USAGE;
        }
        List<RunResults> runs = readRuns(main, paths, stderr);
        if (runs == null) return Main.EX_NOINPUT;
        Comparison comparison = Comparison.of(runs, metric.get());
        PairedComparison paired = null;
        if (against != null) {
            try {
                paired = PairedComparison.of(runs, metric.get(), against);
            } catch (IllegalArgumentException e) {
                stderr.println("prune-sh: --against " + against + ": " + e.getMessage());
                stderr.flush();
                return Main.EX_USAGE;
            }
        }
        Path dir = out != null ? out : RunLocator.commonFolder(runs);
        stdout.print(ComparisonTable.render(comparison));
        ComparisonFiles.Written written = ComparisonFiles.write(comparison, dir);
        stdout.println("written to " + written.csv() + " and " + written.json());
        if (paired != null) {
            stdout.print(PairedTable.render(paired));
            ComparisonFiles.Written pairedFiles = PairedFiles.write(paired, dir);
            stdout.println("written to " + pairedFiles.csv() + " and " + pairedFiles.json());
        }
        stdout.flush();
        return Main.EX_OK;
    }

    /**
     * The runs the arguments name, or the runs directory's without arguments; null after saying on
     * {@code err} which path or file could not be read.
     */
    static List<RunResults> readRuns(Main main, List<Path> paths, PrintWriter err) {
        List<Path> named = paths == null || paths.isEmpty() ? List.of(main.runsDir()) : paths;
        try {
            return RunLocator.read(named);
        } catch (UnreadableRunException e) {
            err.println("prune-sh: " + e.getMessage());
        } catch (IOException e) {
            err.println("prune-sh: cannot read " + String.join(" ", named.stream().map(Path::toString).toList())
                    + ": " + e);
        }
        err.flush();
        return null;
    }
}
