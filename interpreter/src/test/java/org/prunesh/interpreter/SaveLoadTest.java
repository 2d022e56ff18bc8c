package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code save} and {@code load}: a model comes back with the same weights, masks and test result. */
class SaveLoadTest {

    @TempDir
    Path dir;

    @Test
    void aLoadedModelEvaluatesExactlyAsTheSavedOne() {
        List<String> out = new ArrayList<>();
        Session session = new Session(new SessionConfig(dir.resolve("runs"), dir, false), Collecting.into(out));
        Evaluation e = session.evaluate(String.join("\n",
                "seed 3;",
                "data synthetic samples 512 test_samples 128 features 8 classes 4;",
                "model mlp hidden [16];",
                "train epochs 2 batch 64;",
                "schedule cubic from 0 to 0.5 start 0 end 50% every 2 steps;",
                "run \"a\";", "evaluate;", "save \"tiny\";", "load \"tiny\";", "evaluate;", ""), "s.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        List<String> evaluations = out.stream().filter(l -> l.contains("on the test split")).toList();
        assertEquals(2, evaluations.size(), out.toString());
        assertEquals(evaluations.get(0).replace("run 'a'", "run 'tiny'"), evaluations.get(1));
        assertTrue(Files.exists(dir.resolve("runs/saved/tiny/model.json")));
        assertTrue(Files.exists(dir.resolve("runs/saved/tiny/checkpoint.bin")));
    }

    @Test
    void aNameThatIsAPathIsAScriptErrorAndAMissingModelARuntimeError() {
        Session session = new Session(new SessionConfig(dir.resolve("runs"), dir, false), SessionListener.SILENT);
        Evaluation bad = session.check("save \"../x\";\n", "s.prn");
        assertEquals(Outcome.SCRIPT_ERROR, bad.outcome());
        assertEquals("a saved model's name uses letters, digits, '.', '_' and '-', found \"../x\"",
                bad.diagnostics().get(0).message());
        Evaluation missing = session.evaluate("load \"nothing\";\n", "s.prn");
        assertEquals(Outcome.RUNTIME_ERROR, missing.outcome());
        assertTrue(missing.diagnostics().get(0).message().startsWith("cannot load 'nothing'"), missing.rendered());
    }
}
