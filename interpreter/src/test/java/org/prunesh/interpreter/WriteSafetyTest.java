package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A script writes only inside the runs directory and directories the user allowed. */
class WriteSafetyTest {

    @TempDir
    Path dir;

    private static final String SETUP = "data synthetic samples 128 test_samples 32 features 4 classes 2;\n"
            + "model mlp hidden [4];\ntrain epochs 1 batch 64;\nrun;\n";

    @Test
    void anExportOutsideTheRunsDirectoryIsOneScriptErrorBeforeAnythingTrains() {
        Session session = new Session(new SessionConfig(dir.resolve("runs"), dir, false), SessionListener.SILENT);
        Evaluation e = session.evaluate(SETUP + "export tensors to \"../elsewhere\";\n", "s.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome());
        assertEquals(List.of("export tensors may write only inside the runs directory (" + dir.resolve("runs")
                        + ") or a directory given with --allow-write; \"../elsewhere\" is " + dir.resolve("elsewhere")),
                e.diagnostics().stream().map(d -> d.message()).toList());
        assertEquals(5, e.diagnostics().get(0).span().line());
        assertTrue(!Files.exists(dir.resolve("runs")), "nothing trained");
    }

    @Test
    void insideTheRunsDirectoryOrAnAllowedOneItWrites() {
        Path allowed = dir.resolve("analysis");
        Session session = new Session(new SessionConfig(dir.resolve("runs"), dir, false, List.of(allowed)),
                SessionListener.SILENT);
        Evaluation e = session.evaluate(SETUP + "export tensors to \"tensors\";\nexport tensors to \""
                + allowed.resolve("t") + "\";\n", "s.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        assertTrue(Files.exists(dir.resolve("runs/tensors/index.json")));
        assertTrue(Files.exists(allowed.resolve("t/index.json")));
    }
}
