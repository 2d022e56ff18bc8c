package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmtCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return Main.commandLine(new Main(Session::new, false), new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void printsTheCanonicalLayoutAndWritesItWhenAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("m.prn"), "seed  3;model mlp hidden [8,4] ;\n");
        assertEquals(0, execute("fmt", file.toString()));
        assertEquals("seed 3;\nmodel mlp hidden [8, 4];\n", out.toString());
        assertEquals(0, execute("fmt", "--write", file.toString()));
        assertEquals("seed 3;\nmodel mlp hidden [8, 4];\n", Files.readString(file));
    }

    @Test
    void aScriptWithASyntaxErrorIsRefusedWithTheDiagnostic() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.prn"), "seed ;\n");
        assertEquals(65, execute("fmt", file.toString()));
        assertTrue(err.toString().contains("bad.prn:1:6: error:"), err.toString());
        assertEquals("seed ;\n", Files.readString(file));
    }
}
