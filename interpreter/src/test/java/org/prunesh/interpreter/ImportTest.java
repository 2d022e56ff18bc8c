package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import}: relative to the importing script, cycles and missing files are one clear diagnostic each. */
class ImportTest {

    @TempDir
    Path dir;

    private Session session() {
        return new Session(new SessionConfig(dir.resolve("runs"), dir, false), SessionListener.SILENT);
    }

    private static List<String> lines(Evaluation e) {
        return e.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":" + d.span().column()
                + ": " + d.message()).toList();
    }

    @Test
    void definitionsFromAnImportedScriptAreUsable() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/common.prn"), "import \"methods.prn\";\n"
                + "data synthetic samples 256 test_samples 64 features 8 classes 4;\nmodel mlp hidden [8];\n");
        Files.writeString(dir.resolve("lib/methods.prn"), "let fggp = select gradient ratio 0.5 then magnitude;\n");
        Evaluation e = session().check("import \"lib/common.prn\";\nselect fggp;\nrun;\n", "main.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
    }

    @Test
    void aCycleIsReportedOnceWithItsChain() throws IOException {
        Files.writeString(dir.resolve("a.prn"), "import \"b.prn\";\n");
        Files.writeString(dir.resolve("b.prn"), "seed 2;\nimport \"a.prn\";\n");
        Evaluation e = session().check(Files.readString(dir.resolve("a.prn")), "a.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome());
        assertEquals(List.of("b.prn:2:8: import cycle: a.prn -> b.prn -> a.prn"), lines(e));
        assertTrue(e.rendered().contains("import \"a.prn\";"), e.rendered());
    }

    @Test
    void aMissingFileAndAnErrorInsideAnImportedFileNameTheirFiles() throws IOException {
        Files.writeString(dir.resolve("broken.prn"), "seed 1;\nselect magnitud;\n");
        Evaluation e = session().check("import \"nope.prn\";\nimport \"broken.prn\";\n", "main.prn");
        assertEquals(List.of(
                "main.prn:1:8: cannot import \"nope.prn\": no such file (looked for " + dir.toAbsolutePath().normalize()
                        .resolve("nope.prn") + ")",
                "broken.prn:2:8: unknown score 'magnitud'; expected one of: magnitude, gradient, taylor, random, "
                        + "movement, snip (did you mean 'magnitude'?)"), lines(e));
        assertTrue(e.rendered().contains("select magnitud;"), e.rendered());
    }
}
