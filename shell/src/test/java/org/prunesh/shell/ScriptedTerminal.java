package org.prunesh.shell;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        terminal = new ExternalTerminal("test", type,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, StandardCharsets.UTF_8);
        // The input is all there from the start; without this it would be echoed once before the
        // line reader takes the terminal into raw mode.
        terminal.echo(false);
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
