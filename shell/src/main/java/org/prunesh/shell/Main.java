package org.prunesh.shell;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.prunesh.interpreter.CellFilter;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The {@code prune-sh} command line: the REPL without arguments, {@code run} and {@code check} with a script. */
@Command(name = "prune-sh",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "A shell and a small language for neural-network pruning experiments.",
            "Without a command, opens the interactive shell (:help there lists the statements)."
        },
        subcommands = {RunCommand.class, CheckCommand.class, ResumeCommand.class, RerunCommand.class,
                CompareCommand.class, PlotCommand.class, BenchCommand.class, FmtCommand.class,
                StatusCommand.class, CellCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            "64:wrong command-line usage",
            "65:the script has errors",
            "66:the script file cannot be read",
            "69:Slurm is missing or rejects a submission",
            "70:runtime failure",
            "130:cancelled with Ctrl-C"
        })
public final class Main implements Callable<Integer> {

    public static final int EX_OK = 0;
    public static final int EX_USAGE = 64;
    public static final int EX_NOINPUT = 66;
    public static final int EX_SOFTWARE = 70;
    public static final int EX_CANCELLED = 130;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Let ND4J's own logging through and print stack traces of failures.")
    boolean verbose;

    @Option(names = "--allow-write", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A directory scripts may write into (export tensors), besides the runs directory; repeatable.")
    List<Path> allowWrite = new ArrayList<>();

    /** Set by {@code run --only}; every cell otherwise. */
    private CellFilter cells = CellFilter.ALL;
    /** Set by {@code run --reuse}. */
    private boolean reuse;

    @Option(names = "--runs-dir", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "runs",
            description = "Directory that receives one folder per run (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    private final SessionFactory sessions;
    private final boolean stdoutIsTerminal;

    /**
     * @param stdoutIsTerminal whether standard output is a terminal: progress is then drawn in place,
     *                         otherwise printed once per epoch
     */
    public Main(SessionFactory sessions, boolean stdoutIsTerminal) {
        this.sessions = sessions;
        this.stdoutIsTerminal = stdoutIsTerminal;
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        Charset charset = stdoutCharset();
        Main app = new Main(Session::new, System.console() != null);
        CommandLine commandLine = commandLine(app,
                new PrintWriter(new OutputStreamWriter(stdout, charset)),
                new PrintWriter(new OutputStreamWriter(System.err, charset)));
        // Runs after parsing (so --verbose is known) and before any command can load ND4J.
        commandLine.setExecutionStrategy(parseResult -> {
            Logging.configure(app.verbose);
            if (!app.verbose) {
                System.setOut(LinePrefixFilter.dropDifferentiatedOps(stdout, charset));
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The configured command line, writing to {@code out} and {@code err}; no process-wide effects. */
    public static CommandLine commandLine(Main app, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(app);
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A failure that escaped a command is still one line, not a stack trace.
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            Failures.report(failed.getErr(), failure, app.verbose);
            return EX_SOFTWARE;
        });
        return commandLine;
    }

    /** The REPL. */
    @Override
    public Integer call() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        try (Terminal terminal = TerminalBuilder.builder().name("prune-sh").system(true).build()) {
            new Repl(terminal, historyFile(), listener -> session(cwd, listener), verbose, runsDir()).run();
        }
        return EX_OK;
    }

    boolean verbose() {
        return verbose;
    }

    List<Path> allowWrite() {
        return allowWrite;
    }

    boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    /** A Session whose relative script paths resolve against {@code baseDir}. */
    Session session(Path baseDir, SessionListener listener) {
        return session(baseDir, runsDir(), listener);
    }

    Session session(Path baseDir, Path runs, SessionListener listener) {
        return sessions.create(new SessionConfig(runs, baseDir, verbose, allowWrite, cells, reuse), listener);
    }

    /** Makes the sessions this invocation opens carry out only these cells of a sweep (run --only). */
    void selectCells(CellFilter filter) {
        this.cells = filter;
    }

    /** Makes every run of a matching finished run take it from disk, outside sweeps too (run --reuse). */
    void reuseFinishedRuns() {
        this.reuse = true;
    }

    CellFilter cells() {
        return cells;
    }

    Path runsDir() {
        return runsDir.toAbsolutePath().normalize();
    }

    /** {@code $PRUNE_SH_HISTORY}, else {@code ~/.prune-sh_history}. */
    static Path historyFile() {
        String override = System.getenv("PRUNE_SH_HISTORY");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".prune-sh_history");
    }

    private static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
