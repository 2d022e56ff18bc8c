package org.prunesh.ops.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A run directory stays whole: claimed atomically, files written whole or not at all, clear errors. */
class RunDirectoryFaultsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 17, 0, 0);

    @TempDir
    Path dir;

    @Test
    void runsStartedInTheSameSecondWithTheSameNameNeverShareADirectory() throws Exception {
        int runs = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Path>> created = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    return RunDirectory.create(dir.resolve("runs"), "fggp", NOW).path();
                }));
            }
            start.countDown();
            Set<String> names = new TreeSet<>();
            for (Future<Path> f : created) names.add(f.get().getFileName().toString());
            assertEquals(new TreeSet<>(List.of("20261205-170000-fggp", "20261205-170000-fggp-2", "20261205-170000-fggp-3",
                    "20261205-170000-fggp-4", "20261205-170000-fggp-5", "20261205-170000-fggp-6", "20261205-170000-fggp-7",
                    "20261205-170000-fggp-8")), names);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReadOnlyRunsDirectoryIsAClearErrorAndCreatesNothing() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        try (Tmpfs ro = Tmpfs.mount(runs, "ro,size=1m")) {
            IOException e = assertThrows(IOException.class, () -> RunDirectory.create(runs, "fggp", NOW));
            assertEquals("cannot create a run directory in " + runs + ": Read-only file system", e.getMessage());
            assertEquals(0, count(runs));
        }
    }

    @Test
    void aFullDiskLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        try (Tmpfs disk = Tmpfs.mount(runs, "size=2m")) {
            IOException early = assertThrows(IOException.class, () -> RunDirectory.requireSpace(runs, 3 << 20, "a test"));
            assertEquals("not enough space for a run in " + runs + ": 2.0 MB free, a test needs about 3.0 MB",
                    early.getMessage());

            RunDirectory run = RunDirectory.create(runs, "full", NOW);
            run.writeText("summary.json", "{\"testAccuracy\": 0.5}\n");
            String big = "x".repeat(3 << 20);
            IOException e = assertThrows(IOException.class, () -> run.writeText("summary.json", big));
            assertEquals("cannot write summary.json in " + run.path() + ": No space left on device", e.getMessage());
            assertEquals("{\"testAccuracy\": 0.5}\n", Files.readString(run.path().resolve("summary.json")));
            assertFalse(Files.exists(run.path().resolve("summary.json.tmp")));

            run.delete();
            assertEquals(0, count(runs));
        }
    }

    private static long count(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }
}
