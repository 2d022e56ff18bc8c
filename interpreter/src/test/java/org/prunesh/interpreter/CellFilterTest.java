package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --only}: a slice of a sweep, whose runs the whole sweep takes from disk afterwards. */
class CellFilterTest {

    private static final String SCRIPT = String.join("\n",
            "data synthetic samples 128 test_samples 32 features 8 classes 4;",
            "model mlp hidden [8];",
            "train epochs 1 batch 64 lr 0.05;",
            "schedule cubic from 0 to 0.5 start 0 steps end 2 steps every 1 steps;",
            "let fggp = select gradient ratio 0.5 then magnitude;",
            "sweep method in [fggp, magnitude, random], seed in [1, 2] {",
            "  select method;",
            "  run \"t\";",
            "}",
            "report runs;",
            "");

    @TempDir
    Path dir;

    @Test
    void parsesRepeatedVariablesAndAdmitsOnTheNamedOnesOnly() {
        CellFilter f = CellFilter.parse(List.of("method=fggp, random", "seed=2", "method=magnitude"));
        assertEquals(Map.of("method", List.of("fggp", "random", "magnitude"), "seed", List.of("2")), f.values());
        assertTrue(f.admits(Map.of("method", "random", "seed", "2")));
        assertFalse(f.admits(Map.of("method", "random", "seed", "1")));
        assertFalse(f.admits(Map.of("method", "gmp", "seed", "2")));
        // a variable the cell does not have does not narrow it
        assertTrue(f.admits(Map.of("seed", "2")));
        assertTrue(CellFilter.ALL.admits(Map.of("method", "x")));
    }

    @Test
    void anArgumentNotOfTheFormVarEqualsValuesIsAUsageError() {
        for (String bad : List.of("method", "=fggp", "method=", "method=fggp,,random")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellFilter.parse(List.of(bad)));
            assertEquals("--only '" + bad + "': expected VARIABLE=VALUE[,VALUE...], for example method=fggp,gmp_global",
                    e.getMessage());
        }
    }

    @Test
    void runsOnlyTheSelectedCellsUnderTheWholeSweepsNamesAndTheWholeSweepReusesThem() throws IOException {
        List<String> out = new ArrayList<>();
        Evaluation slice = session(CellFilter.parse(List.of("method=fggp,random", "seed=2")), out)
                .evaluate(SCRIPT, "s.prn");
        assertEquals(Outcome.OK, slice.outcome(), slice.rendered());
        assertEquals(List.of("t-method-fggp-seed-2", "t-method-random-seed-2"), runNames());

        List<String> again = new ArrayList<>();
        Evaluation whole = session(CellFilter.ALL, again).evaluate(SCRIPT, "s.prn");
        assertEquals(Outcome.OK, whole.outcome(), whole.rendered());
        assertEquals(2, again.stream().filter(line -> line.contains("finished before")).count(), String.join("", again));
        assertEquals(6, runNames().size());
    }

    @Test
    void aResumedRunOfASliceGoesOnWithThatSliceOnly() throws IOException {
        CellFilter slice = CellFilter.parse(List.of("method=random"));
        Evaluation first = session(slice, new ArrayList<>()).evaluate(SCRIPT, "s.prn");
        assertEquals(Outcome.OK, first.outcome(), first.rendered());
        Path seed1;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            seed1 = s.filter(p -> p.getFileName().toString().endsWith("-t-method-random-seed-1")).findFirst().orElseThrow();
        }
        assertEquals("{\"method\":[\"random\"]}", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(seed1.resolve("config.json").toFile()).get("replay").get("only").toString());
        Files.delete(seed1.resolve("summary.json"));     // as if it had been stopped

        ResumePoint point = ResumePoint.of(seed1);
        assertEquals(slice, point.cells());
        Evaluation resumed = session(point.cells(), new ArrayList<>()).resume(point);
        assertEquals(Outcome.OK, resumed.outcome(), resumed.rendered());
        assertTrue(Files.exists(seed1.resolve("summary.json")));
        assertEquals(List.of("t-method-random-seed-1", "t-method-random-seed-2"), runNames());
    }

    @Test
    void aVariableOrValueTheSweepDoesNotHaveIsAnErrorAtTheSweepBeforeAnythingRuns() throws IOException {
        Evaluation e = session(CellFilter.parse(List.of("method=fggp,gmp", "width=half")), new ArrayList<>())
                .evaluate(SCRIPT, "s.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome());
        assertEquals(List.of(
                        "s.prn:6:1: --only method=gmp: the sweep's method takes fggp, magnitude, random",
                        "s.prn:6:1: --only width: the sweep varies method, seed, not width"),
                e.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":"
                        + d.span().column() + ": " + d.message()).toList());
        assertFalse(Files.exists(dir.resolve("runs")) && runNames().size() > 0);

        Evaluation none = session(CellFilter.parse(List.of("seed=1")), new ArrayList<>())
                .evaluate("model mlp hidden [8];\n", "n.prn");
        assertEquals(List.of("n.prn:1:1: --only selects cells of a sweep, and the script has none"),
                none.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":"
                        + d.span().column() + ": " + d.message()).toList());
    }

    private Session session(CellFilter cells, List<String> out) {
        return new Session(new SessionConfig(dir.resolve("runs"), dir, false, List.of(), cells), Collecting.into(out));
    }

    /** Run directory names without their time prefix, sorted. */
    private List<String> runNames() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .map(n -> n.substring(n.indexOf("-t-") + 1)).sorted().toList();
        }
    }
}
