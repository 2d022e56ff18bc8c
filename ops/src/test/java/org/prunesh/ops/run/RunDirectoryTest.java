package org.prunesh.ops.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.ops.train.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the run executor asks of a runs directory besides writing files: finished twins, failures, positions. */
class RunDirectoryTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 12, 6, 10, 0, 0);

    private static Path finishedRun(Path runs, String name, String config, LocalDateTime at) throws IOException {
        try (RunDirectory dir = RunDirectory.create(runs, name, at)) {
            dir.writeText(RunDirectory.CONFIG, config);
            dir.writeText(RunDirectory.SUMMARY, "{}");
            dir.writeText(RunDirectory.CHECKPOINT, "");
            return dir.path();
        }
    }

    @Test
    void finishedRunsMatchByNameAndConfigButForTheIgnoredFields(@TempDir Path runs) throws IOException {
        Path same = finishedRun(runs, "a", "{\"lr\": 0.10, \"replay\": 1}", T);
        finishedRun(runs, "a", "{\"lr\": 0.2, \"replay\": 1}", T.plusSeconds(1));
        finishedRun(runs, "ab", "{\"lr\": 0.1}", T.plusSeconds(2));
        Path unfinished = finishedRun(runs, "a", "{\"lr\": 0.1}", T.plusSeconds(3));
        Files.delete(unfinished.resolve(RunDirectory.SUMMARY));

        // 0.10 in the file and 0.1 as a double compare equal; replay differs and is ignored
        assertEquals(List.of(same), RunDirectory.finished(runs, "a", Map.of("lr", 0.1, "replay", 7), List.of("replay")));
        assertEquals(List.of(), RunDirectory.finished(runs, "a", Map.of("lr", 0.1, "replay", 7), List.of()));
        assertEquals(List.of(), RunDirectory.finished(runs.resolve("none"), "a", Map.of(), List.of()));
    }

    @Test
    void abandonRemovesANewDirectoryWithoutCheckpointAndKeepsOneWithIt(@TempDir Path runs) throws IOException {
        IOException full = new IOException("cannot write summary.json: No space left on device");
        RunDirectory fresh = RunDirectory.create(runs, "fresh", T);
        UncheckedIOException e = fresh.abandon(true, full);
        assertEquals("cannot write summary.json: No space left on device; the incomplete run directory was removed",
                e.getMessage());
        assertSame(full, e.getCause());
        assertFalse(Files.exists(fresh.path()));

        RunDirectory kept = RunDirectory.create(runs, "kept", T);
        kept.writeText(RunDirectory.CHECKPOINT, "");
        e = kept.abandon(true, new UncheckedIOException("disk full", full));
        assertEquals("disk full; " + kept.path() + " keeps the last checkpoint ('prune-sh resume' continues from it)",
                e.getMessage());
        assertSame(full, e.getCause());
        assertTrue(Files.exists(kept.path()));
    }

    @Test
    void aCheckpointSaysWhereItStands() {
        Checkpoint afterEpoch = new Checkpoint(2, 64, 1, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), null);
        assertEquals("after epoch 2 of 6 (step 64)", afterEpoch.position(6));
        Checkpoint inEpoch = new Checkpoint(2, 75, 1, Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
                new Checkpoint.InEpoch(11, 0, 0, Double.NaN, 0));
        assertEquals("at step 75 (epoch 3 of 6, batch 11 done)", inEpoch.position(6));
    }
}
