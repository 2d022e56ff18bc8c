package org.prunesh.shell;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JLine terminal over in-memory streams: the input is typed ahead in full, the output captured.
 * ExternalTerminal is JLine's pure-Java line discipline, so no pseudo-terminal or native code is
 * needed in a headless test run.
 */
final class ScriptedTerminal implements AutoCloseable {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Terminal terminal;

    /** @param type "dumb" for plain output, "xterm" where key bindings such as Tab completion matter */
    ScriptedTerminal(String type, String input) throws IOException {
        // The input is fed only after echo is off: the terminal's pump thread starts reading at once,
        // and input already there would race the echo(false) below and be echoed once (flaky tests).
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(feed, Math.max(1024, input.length() * 4 + 16));
        terminal = new ExternalTerminal("test", type, in, output, StandardCharsets.UTF_8);
        terminal.echo(false);
        feed.write(input.getBytes(StandardCharsets.UTF_8));
        feed.close();
    }

    Terminal terminal() {
        return terminal;
    }

    /**
     * Everything written so far, with line ends turned back into LF: the terminal maps LF to CR LF,
     * and the line reader may put a CR of its own before that. A lone CR (progress) stays.
     */
    String output() {
        terminal.writer().flush();
        return output.toString(StandardCharsets.UTF_8).replaceAll("\r+\n", "\n");
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
