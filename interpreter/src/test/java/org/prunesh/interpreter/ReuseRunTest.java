package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code run --reuse}: a finished run of the same name and configuration is taken from disk outside sweeps. */
class ReuseRunTest {

    private static final String SETUP = String.join("\n",
            "seed 3;",
            "data synthetic samples 128 test_samples 32 features 8 classes 4;",
            "model mlp hidden [8];",
            "schedule cubic from 0 to 0.5 start 0 steps end 2 steps every 1 steps;",
            "select gradient ratio 0.5 then magnitude;",
            "");

    @TempDir
    Path dir;

    @Test
    void aFinishedRunIsTakenFromDiskOnlyWithTheSameNameAndConfiguration() throws IOException {
        String script = SETUP + "train epochs 1 batch 64 lr 0.05;\nrun \"a\";\nreport runs;\n";
        List<String> first = new ArrayList<>();
        assertEquals(Outcome.OK, session(true, first).evaluate(script, "r.prn").outcome());
        assertEquals(0, count(first, "finished before"));
        assertEquals(1, runDirs());

        // what follows the run may change: the trained network is analysed again, not retrained
        List<String> again = new ArrayList<>();
        Evaluation e = session(true, again).evaluate(script + "report layers;\n", "r.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        assertEquals(1, count(again, "'a' finished before in "));
        assertEquals(1, runDirs());
        // the same accuracy and sparsity in 'report runs' (its time column sums the epochs' times)
        assertEquals(row(first), row(again));
        assertEquals("a       18.75%     50.00%     44.44%", row(again));

        // another configuration, or no --reuse, trains
        assertEquals(Outcome.OK, session(true, new ArrayList<>())
                .evaluate(script.replace("lr 0.05", "lr 0.04"), "r.prn").outcome());
        assertEquals(2, runDirs());
        List<String> plain = new ArrayList<>();
        assertEquals(Outcome.OK, session(false, plain).evaluate(script, "r.prn").outcome());
        assertEquals(0, count(plain, "finished before"));
        assertEquals(3, runDirs());
    }

    private static long count(List<String> out, String text) {
        return out.stream().filter(l -> l.contains(text)).count();
    }

    /** Run name, accuracy and sparsities of the run's row in 'report runs'. */
    private static String row(List<String> out) {
        String row = String.join("", out).lines().filter(l -> l.startsWith("a  ")).findFirst().orElseThrow();
        return row.substring(0, row.lastIndexOf('%') + 1);
    }

    private Session session(boolean reuse, List<String> out) {
        return new Session(new SessionConfig(dir.resolve("runs"), dir, false, List.of(), CellFilter.ALL, reuse),
                Collecting.into(out));
    }

    private long runDirs() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("saved")).count();
        }
    }
}
