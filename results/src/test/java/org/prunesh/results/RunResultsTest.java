package org.prunesh.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.results.LayerTable;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.train.EpochMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunResultsTest {

    @TempDir
    Path dir;

    private static final String METRICS = RunDirs.epoch(1, 4, "0.9", 0.8, 0.7, 0.7875, 1.5)
            + RunDirs.epoch(2, 8, "0.6", 0.5, 0.85, 0.9, 3.25);

    @Test
    void aFinishedRunReadsBackEveryFile() throws IOException {
        Path run = RunDirs.write(dir, "20261122-010000-fggp", RunDirs.config("fggp", 18, "magnitude", 0.9, 1),
                RunDirs.summary("fggp", 0.85, 0.5, 0.9, 3.5), METRICS);
        RunResults r = RunResults.read(run);

        assertEquals("fggp", r.name());
        assertEquals(18, r.seed());
        assertEquals("20261122-010000-fggp", r.directoryName());
        assertEquals(RunResults.Completion.FINISHED, r.completion());
        assertEquals(List.of(), r.notes());
        assertEquals(new RunResults.Summary(0.85, 0.5, 0.9, 900.0 / 1100, 1100, 1000, 100, 8, 2, 3.5, false,
                OptionalDouble.empty()), r.summary());
        assertEquals(List.of(new EpochMetrics(1, 4, 0.9, 0.8, 0.7, 0.7875, 0.1, 1.5),
                new EpochMetrics(2, 8, 0.6, 0.5, 0.85, 0.9, 0.1, 3.25)), r.epochs());
        assertEquals(List.of(new LayerTable.Row("fc1.weight", "8x100", 800, 80, true),
                new LayerTable.Row("fc1.bias", "100", 100, 100, false),
                new LayerTable.Row("fc2.weight", "100x2", 200, 20, true)), r.layers());
        assertEquals(List.of(new SchedulePoint(0, 0.0, 0.0), new SchedulePoint(3, 0.75, 0.7875),
                new SchedulePoint(6, 1.5, 0.9)), r.pruningSteps());
        assertEquals(8, r.totalSteps());
        assertEquals(2, r.plannedEpochs());
        assertEquals(0.85, r.testAccuracy());
        assertEquals(0.5, r.testLoss());
        assertEquals(0.9, r.sparsityPrunable());
        assertEquals(900.0 / 1100, r.sparsityAll());
        assertEquals(3.5, r.wallSeconds());
        assertTrue(Double.isNaN(r.flops()));
    }

    @Test
    void settingsAreTheConfigurationWithoutWhatVariesPerRunOrFollowsFromTheRest() throws IOException {
        RunResults r = RunResults.read(RunDirs.write(dir, "run", RunDirs.config("fggp", 18, "magnitude", 0.9, 3),
                null, null));
        assertEquals(List.of("data.kind", "data.name", "data.limit", "model.kind", "model.width", "train.epochs",
                "train.batch", "train.optimizer", "train.lr", "train.lrSchedule.kind", "train.lrSchedule.warmup.n",
                "schedule", "selection", "scope", "regrowth", "exclusions.first", "exclusions.bias",
                "exclusions.globs"), List.copyOf(r.settings().values().keySet()));
        assertEquals("cubic from 0 to 0.9 start 0 steps end 6 steps every 3 steps exponent 3", r.setting("schedule"));
        assertEquals("magnitude", r.setting("selection"));
        assertEquals("0.1", r.setting("train.lr"));
        assertEquals("none", r.setting("regrowth"));
        assertEquals("[]", r.setting("exclusions.globs"));
        assertEquals("none", r.setting("init"));
    }

    @Test
    void aRunWithoutSummaryTakesItsNumbersFromTheLastFinishedEpochAndSaysSo() throws IOException {
        // Killed during epoch 2's line: the cut line is dropped.
        Path run = RunDirs.write(dir, "killed", RunDirs.config("fggp", 18, "magnitude", 0.9, 1), null,
                RunDirs.epoch(1, 4, "NaN", 0.8, 0.7, 0.7875, 1.5) + "{\"epoch\":2,\"st");
        RunResults r = RunResults.read(run);

        assertEquals(RunResults.Completion.INTERRUPTED, r.completion());
        assertFalse(r.finished());
        assertNull(r.summary());
        assertEquals(1, r.epochs().size());
        assertTrue(Double.isNaN(r.epochs().get(0).trainLoss()));
        assertEquals(0.7, r.testAccuracy());
        assertEquals(0.8, r.testLoss());
        assertEquals(0.7875, r.sparsityPrunable());
        assertTrue(Double.isNaN(r.sparsityAll()));
        assertEquals(1.5, r.wallSeconds());
        assertEquals(List.of(),  r.layers());
        assertEquals(List.of(
                "metrics.jsonl: the last line is incomplete (written when the run was stopped) and was skipped",
                "no summary.json: unfinished (still running, or interrupted) after 1 of 2 epochs; final numbers are those of the last finished "
                        + "epoch in metrics.jsonl"), r.notes());
    }

    @Test
    void aCancelledRunIsIncompleteAndRecordsFlopsWhenTheSummaryHasThem() throws IOException {
        String summary = RunDirs.summary("fggp", 0.7, 0.8, 0.7875, 1.5)
                .replace("\"cancelled\" : false", "\"cancelled\" : true, \"flops\" : 123456")
                .replace("\"epochsCompleted\" : 2", "\"epochsCompleted\" : 1");
        RunResults r = RunResults.read(RunDirs.write(dir, "stopped", RunDirs.config("fggp", 18, "magnitude", 0.9, 1),
                summary, RunDirs.epoch(1, 4, "0.9", 0.8, 0.7, 0.7875, 1.5)));
        assertEquals(RunResults.Completion.CANCELLED, r.completion());
        assertEquals(List.of("cancelled after 1 of 2 epochs"), r.notes());
        assertEquals(123456.0, r.flops());
    }

    @Test
    void runsWrittenBeforeTheScheduleKindWasRecordedStillRead() throws IOException {
        String dense = "{\"name\":\"dense\",\"seed\":1,\"schedule\":{},\"selection\":\"magnitude\"}";
        String pruned = "{\"name\":\"p\",\"seed\":1,\"schedule\":{\"from\":0.0,\"to\":0.9,\"start\":{\"epochs\":1.0},"
                + "\"every\":{\"n\":100}},\"selection\":\"magnitude\"}";
        assertEquals("none", RunResults.read(RunDirs.write(dir, "a", dense, null, null)).setting("schedule"));
        assertEquals("from 0.0 to 0.9 start.epochs 1.0 every.n 100",
                RunResults.read(RunDirs.write(dir, "b", pruned, null, null)).setting("schedule"));
    }

    @Test
    void whatIsNotARunIsRefusedWithTheReason() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        UnreadableRunException e = assertThrows(UnreadableRunException.class, () -> RunResults.read(empty));
        assertEquals(empty + ": not a run directory (no config.json)", e.getMessage());

        Path broken = RunDirs.write(dir, "broken", "{\"name\": ", null, null);
        e = assertThrows(UnreadableRunException.class, () -> RunResults.read(broken));
        assertTrue(e.getMessage().startsWith(broken.resolve("config.json") + ": not valid JSON: "), e.getMessage());

        Path badLine = RunDirs.write(dir, "bad-line", RunDirs.config("x", 1, "magnitude", 0.9, 1), null,
                "not json\n" + RunDirs.epoch(1, 4, "0.9", 0.8, 0.7, 0.7875, 1.5));
        e = assertThrows(UnreadableRunException.class, () -> RunResults.read(badLine));
        assertTrue(e.getMessage().startsWith(badLine.resolve("metrics.jsonl") + ": line 1 is not an epoch record: "),
                e.getMessage());
    }
}
