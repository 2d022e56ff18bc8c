package org.prunesh.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.prunesh.interpreter.CellFilter;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.train.TrainingProgress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A script's sweep as cells, and the scripts that cannot run as cells. */
class SessionSweepCellsTest {

    @TempDir
    Path dir;

    private static final String SETUP = "data synthetic samples 64 features 4 classes 2;\nmodel mlp hidden [4];\n";

    @Test
    void cellsFollowTheSweepsOrderWithTheirRunNames() throws SweepCells.NotACellScript {
        List<CellSpec> cells = new SessionSweepCells(dir).cells(SETUP
                + "sweep method in [magnitude, random], seed in [1, 2] { select method; run \"t\"; run; }\n"
                + "report compare;\n", "s.prn");
        assertEquals(4, cells.size());
        assertEquals(new CellSpec(2, "method=random,seed=1", List.of("t[method=random,seed=1]", "run[method=random,seed=1]"),
                Map.of("method", "random", "seed", "1")), cells.get(2));
    }

    @Test
    void aRunInsideABlockTheCellUsesIsOneOfItsRuns() throws SweepCells.NotACellScript {
        List<CellSpec> cells = new SessionSweepCells(dir).cells(SETUP
                + "let mag = { select magnitude; run \"m\"; };\nlet rnd = { select random; };\n"
                + "sweep method in [mag, rnd] { use method; run \"after\"; }\n", "s.prn");
        assertEquals(List.of(List.of("m[method=mag]", "after[method=mag]"), List.of("after[method=rnd]")),
                cells.stream().map(CellSpec::runNames).toList());
    }

    @Test
    void onlyNamingWhatTheSweepLacksIsRefusedAtTheSweep() {
        SessionSweepCells cells = new SessionSweepCells(dir, CellFilter.parse(List.of("seed=3")));
        assertEquals("s.prn:3:1: --only seed=3: the sweep's seed takes 1, 2",
                assertThrows(SweepCells.NotACellScript.class, () -> cells.cells(SETUP
                        + "sweep seed in [1, 2] { run; }\n", "s.prn")).getMessage());
    }

    @Test
    void aCellAloneWritesTheRunTheWholeSweepTakesFromDisk() throws Exception {
        String script = "data synthetic samples 128 test_samples 32 features 4 classes 2;\nmodel mlp hidden [8];\n"
                + "train epochs 2 batch 32;\nschedule cubic from 0 to 0.5 start 0 steps end 6 steps every 2 steps;\nsweep method in [magnitude, random], seed in [1, 2] { select method; "
                + "run \"t\"; }\nreport runs;\n";
        Path runs = dir.resolve("runs");
        SessionConfig config = new SessionConfig(runs, dir, false);
        List<String> cellOut = new ArrayList<>();
        Evaluation cell = new SessionSweepCells(dir).runCell(config, listener(cellOut), script, "s.prn", 2, null,
                cancel -> { });
        assertEquals(Outcome.OK, cell.outcome(), cell.rendered());
        assertFalse(String.join("", cellOut).contains("report"), String.join("", cellOut));
        CellSpec two = new SessionSweepCells(dir).cells(script, "s.prn").get(2);
        Path written = new CellRuns(runs, script).finishedRun(two.runNames().get(0)).orElseThrow();
        assertEquals(3, new ObjectMapper().readTree(written.resolve("config.json").toFile()).get("replay")
                .get("ordinal").asInt());
        assertEquals(1, Files.list(runs).filter(p -> !p.getFileName().toString().startsWith(".")).count());

        List<String> whole = new ArrayList<>();
        Evaluation all = new Session(config, listener(whole)).evaluate(script, "s.prn");
        assertEquals(Outcome.OK, all.outcome(), all.rendered());
        assertEquals(List.of("'t[method=random,seed=1]' finished before in " + written + "; taking its result"),
                whole.stream().filter(l -> l.contains("finished before")).toList());
    }

    private static SessionListener listener(List<String> out) {
        return new SessionListener() {
            @Override public void output(String text) { out.add(text); }
            @Override public void progress(TrainingProgress progress) { }
        };
    }

    @Test
    void aScriptWithoutOneSweepOrThatTrainsBeforeItIsRefused() {
        SessionSweepCells cells = new SessionSweepCells(dir);
        assertEquals("s.prn: no sweep to run as a job array; run the script locally",
                assertThrows(SweepCells.NotACellScript.class, () -> cells.cells(SETUP + "run;\n", "s.prn")).getMessage());
        assertEquals("s.prn:4:1: a second sweep; the cluster executor runs one sweep per script as one job array "
                        + "(put each sweep in its own script)",
                assertThrows(SweepCells.NotACellScript.class, () -> cells.cells(SETUP
                        + "sweep seed in [1] { run; }\nsweep seed in [2] { run; }\n", "s.prn")).getMessage());
        assertEquals("s.prn:3:1: 'run' before the sweep would be done again by every cell; move it after the sweep "
                        + "or into its own script",
                assertThrows(SweepCells.NotACellScript.class, () -> cells.cells(SETUP
                        + "run \"base\";\nsweep seed in [1, 2] { run; }\n", "s.prn")).getMessage());
    }
}
