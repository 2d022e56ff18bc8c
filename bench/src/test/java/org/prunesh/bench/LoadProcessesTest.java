package org.prunesh.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load's lifecycle: started, counted, and none left behind. */
class LoadProcessesTest {

    @Test
    void theSpinnersRunUntilClosedAndAreAllGoneAfter() throws Exception {
        List<Long> pids;
        try (LoadProcesses load = LoadProcesses.start(2)) {
            assertEquals(2, load.running());
            pids = load.pids();
            assertEquals(2, pids.size());
            for (long pid : pids) {
                ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
                assertTrue(h.isAlive());
                assertEquals(ProcessHandle.current().pid(), h.parent().orElseThrow().pid());
                // a plain spinner: no process of its own
                assertEquals(0, h.children().count());
            }
        }
        for (long pid : pids) assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
    }

    @Test
    void noLoadStartsNothing() throws Exception {
        try (LoadProcesses load = LoadProcesses.start(0)) {
            assertEquals(0, load.running());
            assertEquals(List.of(), load.pids());
        }
    }

    @Test
    void aSpinnerStopsByItselfWhenTheProcessItWatchesIsGone() throws Exception {
        Process watched = new ProcessBuilder("sleep", "60").start();
        try (LoadProcesses load = LoadProcesses.start(1, watched.pid())) {
            assertEquals(1, load.running());
            watched.destroyForcibly();
            assertTrue(watched.waitFor(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (load.running() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(0, load.running());
        }
    }

    @Test
    void theSpinnerIsOneShellLoopOnBuiltins() {
        assertEquals(List.of("sh", "-c", "while kill -0 42 2>/dev/null; do i=0; while [ $i -lt 100000 ];"
                + " do i=$((i+1)); done; done"), LoadProcesses.command(42));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertEquals("--load takes a count of 0 or more, got -1",
                assertThrows(IllegalArgumentException.class, () -> LoadProcesses.start(-1)).getMessage());
    }
}
