package org.prunesh.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunLocatorTest {

    @TempDir
    Path dir;

    @Test
    void aParentStandsForItsRunsInNameOrderAndARunNamedTwiceCountsOnce() throws IOException {
        Path runs = dir.resolve("runs");
        Path b = RunDirs.write(runs, "20261122-010002-b", "{}", null, null);
        Path a = RunDirs.write(runs, "20261122-010001-a", "{}", null, null);
        Files.createDirectories(runs.resolve("plots"));
        Files.writeString(runs.resolve("comparison.csv"), "");
        Path other = RunDirs.write(dir.resolve("elsewhere"), "c", "{}", null, null);
        assertEquals(List.of(a, b, other), RunLocator.expand(List.of(runs, b, other)));
    }

    @Test
    void aPathThatIsNeitherIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        UnreadableRunException e = assertThrows(UnreadableRunException.class, () -> RunLocator.expand(List.of(empty)));
        assertEquals(empty + ": neither a run directory (no config.json) nor a folder of runs", e.getMessage());
        Path missing = dir.resolve("missing");
        e = assertThrows(UnreadableRunException.class, () -> RunLocator.expand(List.of(missing)));
        assertEquals(missing + ": no such directory", e.getMessage());
    }

    @Test
    void resultsAboutSeveralRunsGoToTheDeepestFolderHoldingThemAll() throws IOException {
        Path a = RunDirs.write(dir.resolve("runs"), "a", "{\"name\":\"a\"}", null, null);
        Path b = RunDirs.write(dir.resolve("runs"), "b", "{\"name\":\"b\"}", null, null);
        Path c = RunDirs.write(dir.resolve("old").resolve("runs"), "c", "{\"name\":\"c\"}", null, null);
        assertEquals(dir.resolve("runs"), RunLocator.commonFolder(List.of(RunResults.read(a), RunResults.read(b))));
        assertEquals(dir, RunLocator.commonFolder(List.of(RunResults.read(a), RunResults.read(c))));
        assertEquals(dir.resolve("runs"), RunLocator.commonFolder(List.of(RunResults.read(a))));
    }
}
