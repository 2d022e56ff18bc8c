package org.prunesh.shell;

import org.jline.builtins.Completers;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionListener;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The interactive loop: one Session kept alive across inputs, statements continued over lines
 * until complete, colon commands for the shell itself, Ctrl-C cancelling a running evaluation.
 */
public final class Repl {

    public static final String PROMPT = "prune> ";
    public static final String CONTINUATION_PROMPT = "  ...> ";
    /** The source name of typed input in diagnostics. */
    public static final String SOURCE_NAME = "<repl>";
    public static final List<String> COMMANDS = List.of(":help", ":load", ":show", ":runs", ":history", ":quit");

    private final Terminal terminal;
    private final Path historyFile;
    private final Function<SessionListener, Session> sessions;
    private final boolean verbose;
    private final PrintWriter out;
    private final Path runsDir;
    private LineReader reader;

    /**
     * @param sessions makes the Session, given the listener that renders its output on this terminal
     * @param verbose  print the stack trace of a runtime failure, not only its one-line summary
     */
    public Repl(Terminal terminal, Path historyFile, Function<SessionListener, Session> sessions, boolean verbose) {
        this(terminal, historyFile, sessions, verbose, Path.of("runs"));
    }

    /** @param runsDir where {@code :runs} looks */
    public Repl(Terminal terminal, Path historyFile, Function<SessionListener, Session> sessions, boolean verbose,
                Path runsDir) {
        this.runsDir = runsDir;
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.sessions = sessions;
        this.verbose = verbose;
        this.out = terminal.writer();
    }

    /** True for input addressed to the shell rather than the language. */
    public static boolean isCommand(String input) {
        return input.stripLeading().startsWith(":");
    }

    /** Reads and evaluates until {@code :quit} or end of input (Ctrl-D). */
    public void run() {
        ShellListener listener = new ShellListener(out,
                new BarProgress(out, terminal::getWidth));
        Session session = sessions.apply(listener);
        LineReaderBuilder builder = LineReaderBuilder.builder();
        // a dumb terminal cannot show colours, and redrawing the line for them garbles its echo
        if (!Terminal.TYPE_DUMB.equals(terminal.getType())) builder.highlighter(highlighter(session));
        reader = builder
                .terminal(terminal)
                .appName("prune-sh")
                .parser(new StatementParser(session::isIncomplete))
                .completer(new NameCompleter(session::keywords, session::definedNames, COMMANDS,
                        List.of(":load"), new Completers.FileNameCompleter()))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // '!' is not history expansion here.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        out.println("prune-sh " + VersionInfo.version() + "  (:help for the statements, :quit or Ctrl-D to leave)");
        out.flush();
        try {
            loop(reader, session, listener);
        } finally {
            saveHistory(reader);
        }
    }

    private static ScriptHighlighter highlighter(Session session) {
        return new ScriptHighlighter(() -> {
            Set<String> names = new HashSet<>(session.keywords());
            names.addAll(session.definedNames());
            return names;
        });
    }

    private void loop(LineReader reader, Session session, ShellListener listener) {
        while (true) {
            String input;
            try {
                input = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt discards the line being typed
            } catch (EndOfFileException e) {
                return;
            }
            if (input.isBlank()) {
                continue;
            }
            if (isCommand(input)) {
                if (!command(input.strip(), session, listener)) {
                    return;
                }
            } else {
                evaluate(session, listener, input, SOURCE_NAME);
            }
        }
    }

    /** Runs one colon command; false when the shell should end. */
    private boolean command(String input, Session session, ShellListener listener) {
        String[] parts = input.split("\\s+", 2);
        String argument = parts.length > 1 ? unquote(parts[1].strip()) : "";
        switch (parts[0]) {
            case ":quit" -> {
                return false;
            }
            case ":help" -> out.print(HelpText.text());
            case ":show" -> out.print(session.describeState());
            case ":runs" -> out.print(RunListing.of(runsDir));
            case ":history" -> {
                for (History.Entry e : reader.getHistory()) out.printf("%5d  %s%n", e.index() + 1, e.line());
            }
            case ":load" -> {
                if (argument.isEmpty()) {
                    out.println("usage: :load FILE");
                } else {
                    load(argument, session, listener);
                }
            }
            default -> out.println("unknown command " + parts[0] + "; :help lists the commands");
        }
        out.flush();
        return true;
    }

    private void load(String file, Session session, ShellListener listener) {
        ScriptFile script;
        try {
            script = ScriptFile.read(file);
        } catch (ScriptFile.Unreadable e) {
            out.println(e.getMessage());
            return;
        }
        evaluate(session, listener, script.text(), script.name());
    }

    private void evaluate(Session session, ShellListener listener, String source, String sourceName) {
        // While evaluating, Ctrl-C asks the Session to stop; the prompt's own handling returns after.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
        try {
            Evaluation evaluation = session.evaluate(source, sourceName);
            listener.finish();
            String rendered = evaluation.rendered();
            if (!rendered.isEmpty()) {
                out.print(rendered.endsWith("\n") ? rendered : rendered + "\n");
            }
            if (evaluation.outcome() == Outcome.CANCELLED) {
                out.println("cancelled");
            }
        } catch (RuntimeException | Error e) {
            listener.finish();
            Failures.report(out, e, verbose);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            out.flush();
        }
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("prune-sh: could not save history to " + historyFile + ": " + e.getMessage());
            out.flush();
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
