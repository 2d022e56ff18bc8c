package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code prune-sh run} on a script whose training diverges: exit 70 and the reason on stderr. */
@Timeout(300)
class DivergenceExitCodeTest {

    @TempDir
    Path dir;

    @Test
    void aDivergingRunExits70WithWhereAndWhy() throws Exception {
        Path script = Files.writeString(dir.resolve("div.prn"), String.join("\n",
                "seed 18;",
                "data synthetic samples 256 test_samples 64 features 8 classes 4;",
                "model mlp hidden [16];",
                "schedule cubic from 0 to 0.9 start 0 steps end 6 steps every 1 steps;",
                "select gradient ratio 0.5 then magnitude;",
                "train epochs 3 batch 64 lr 1e6;",
                "run \"div\";",
                ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main(Session::new, false), new PrintWriter(out), new PrintWriter(err))
                .execute("--runs-dir", dir.resolve("runs").toString(), "run", script.toString());
        assertEquals(70, code, err.toString());
        assertTrue(err.toString().startsWith(script + ":7:1: error: failed: run 'div' diverged at step 5 (epoch 2):"
                + " the training loss is NaN; the last finite loss was "), err.toString());
        assertTrue(err.toString().contains("the learning rate was 1.00e+06"), err.toString());
    }
}
