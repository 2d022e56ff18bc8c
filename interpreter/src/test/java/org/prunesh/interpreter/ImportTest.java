package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final String SECRET = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void onlyPrnFilesAreReadAndTheirTextIsNotShown() throws IOException {
        Files.writeString(dir.resolve("credentials"), SECRET + "\nroot:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(dir.resolve("notes.txt"), SECRET + "\n");
        Evaluation e = session().check("import \"credentials\";\nimport \"notes.txt\";\n", "main.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome());
        assertEquals(List.of(
                "main.prn:1:8: cannot import \"credentials\": only .prn scripts can be imported",
                "main.prn:2:8: cannot import \"notes.txt\": only .prn scripts can be imported"), lines(e));
        assertFalse(e.rendered().contains("AWS_SECRET"), e.rendered());
        assertFalse(e.rendered().contains("root"), e.rendered());
    }

    @Test
    void aPrnFileThatIsNotAScriptIsNamedWithoutItsContent() throws IOException {
        Files.writeString(dir.resolve("secret.prn"), SECRET + "\nAWS_REGION=eu-west-1\n");
        Files.write(dir.resolve("binary.prn"), new byte[] {'s', 'e', 'e', 'd', ' ', '1', ';', 0, 1, 2});
        Files.write(dir.resolve("latin1.prn"), new byte[] {'#', ' ', (byte) 0xe9, '\n', 's', 'e', 'e', 'd', ' ', '1', ';'});
        Evaluation e = session().check("import \"secret.prn\";\nimport \"binary.prn\";\nimport \"latin1.prn\";\n",
                "main.prn");
        assertEquals(List.of(
                "main.prn:1:8: cannot import \"secret.prn\": it is not a prune-sh script (no statement in it parses;"
                        + " 'prune-sh check secret.prn' shows why)",
                "main.prn:2:8: cannot import \"binary.prn\": it is not a prune-sh script (it holds control characters)",
                "main.prn:3:8: cannot import \"latin1.prn\": it is not a prune-sh script (not UTF-8 text)"), lines(e));
        assertFalse(e.rendered().contains("AWS"), e.rendered());
        assertFalse(e.rendered().contains("eu-west"), e.rendered());
    }

    @Test
    void aScriptWithSomeErrorsIsStillReportedLineByLine() throws IOException {
        Files.writeString(dir.resolve("half.prn"), "seed 1;\nselect magnitude threshold;\n");
        Evaluation e = session().check("import \"half.prn\";\n", "main.prn");
        assertEquals(1, e.diagnostics().size());
        assertEquals("half.prn", e.diagnostics().get(0).span().source());
        assertEquals(2, e.diagnostics().get(0).span().line());
    }
}
