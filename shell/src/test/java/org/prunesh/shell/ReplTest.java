package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole REPL session through a scripted terminal and the real interpreter: a statement over two
 * lines, a tiny model trained for an epoch, a mistake, and a run after the mistake.
 */
class ReplTest {

    @TempDir
    Path dir;

    private static final String TYPED = String.join("\n",
            "seed 18;",
            "data synthetic samples 256 test_samples 64",
            "  features 8 classes 4;",
            "model mlp hidden [16];",
            "train epochs 1 batch 64;",
            "schedule cubic from 0 to 0.5 start 0 steps end 3 steps every 1 steps;",
            "select magnitude;",
            "select gradnt;",
            "run \"tiny\";",
            "report layers;",
            ":quit",
            "");

    @Test
    @Timeout(300)
    void aSessionSurvivesAMistakeAndRunsAfterIt() throws Exception {
        Path runs = dir.resolve("runs");
        String output;
        try (ScriptedTerminal scripted = new ScriptedTerminal("dumb", TYPED)) {
            SessionConfig config = new SessionConfig(runs, dir, false);
            new Repl(scripted.terminal(), dir.resolve("history"), listener -> new Session(config, listener), false).run();
            output = scripted.output();
        }

        // The data statement was continued on a second line.
        assertTrue(output.contains(Repl.PROMPT + "data synthetic samples 256 test_samples 64\n"
                + Repl.CONTINUATION_PROMPT + "  features 8 classes 4;"), output);

        int mistake = output.indexOf("error: unknown score 'gradnt'");
        assertTrue(mistake >= 0, output);
        assertTrue(output.contains(Repl.SOURCE_NAME + ":1:8: error: unknown score 'gradnt'"), output);
        assertEquals(1, count(output, "error:"), output);
        assertFalse(output.contains("runtime failure"), output);

        // The run came after the mistake: its progress or summary names it and the sparsity.
        String after = output.substring(mistake);
        assertTrue(after.contains("tiny"), output);
        assertTrue(after.contains("sparsity"), output);
        int report = after.indexOf(Repl.PROMPT + "report layers;");
        assertTrue(report >= 0, output);
        assertTrue(after.substring(report).contains("fc1"), output);

        // ... and wrote its run directory, runs/<time>-tiny.
        try (Stream<Path> made = Files.list(runs)) {
            List<String> names = made.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).endsWith("-tiny"), names.toString());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
