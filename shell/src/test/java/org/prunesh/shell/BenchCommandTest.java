package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's command line: what it refuses before measuring anything. */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        Main main = new Main((config, listener) -> {
            throw new IllegalStateException("no session in this test");
        }, false);
        return Main.commandLine(main, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private void assertUsageError(String message, String... args) {
        assertEquals(Main.EX_USAGE, execute(args));
        assertTrue(err.toString().startsWith(message + System.lineSeparator()), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void unknownModelsAndBadWidthsAreUsageErrors() {
        assertUsageError("--models: a CIFAR ResNet has depth 6n+2 (20, 32, 44, 56, 110), not 21",
                "bench", "--models", "lenet5,resnet21");
        err.getBuffer().setLength(0);
        assertUsageError("--models: width in 'vgg19:quarter' is not a number: 'quarter'",
                "bench", "--models", "vgg19:quarter");
    }

    @Test
    void optionsOutsideTheirRangeAreUsageErrors() {
        assertUsageError("bench needs batch, blocks and steps of at least 1 and warmup of at least 0, got batch 0,"
                + " warmup 5, blocks 5, steps 8", "bench", "--batch", "0");
        err.getBuffer().setLength(0);
        assertUsageError("--measure takes training, selection and/or profile, not 'speed'", "bench", "--measure", "training,speed");
        err.getBuffer().setLength(0);
        assertUsageError("--peer must be auto, torch or none, not 'jax'", "bench", "--peer", "jax");
        err.getBuffer().setLength(0);
        assertUsageError("--load takes a count of 0 or more, not -1", "bench", "--load", "-1");
        err.getBuffer().setLength(0);
        assertUsageError("Invalid value for option '--load': 'two' is not an int", "bench", "--load", "two");
        err.getBuffer().setLength(0);
        assertUsageError("--settle takes 0 seconds or more, not -1.0", "bench", "--settle", "-1");
    }

    @Test
    void theDefaultsAreIssueSevensModelsAtBatch128And90PercentMasks() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs();
        assertEquals(List.of("resnet20:1", "resnet20:0.5", "vgg19:0.25", "lenet5:1"), bench.models);
        assertEquals(128, bench.batch);
        assertEquals(0.9, bench.sparsity);
        assertEquals("auto", bench.peer);
        assertEquals(2, bench.peerThreads);
        assertEquals(List.of("training", "selection"), bench.measure);
        assertEquals(0, bench.load);
        new CommandLine(bench).parseArgs("--load", "3");
        assertEquals(3, bench.load);
        assertEquals(0, execute("bench", "--help"));
        assertTrue(out.toString().startsWith("Usage: prune-sh bench [-hV]"), out.toString());
    }

    @Test
    void theThreadingLineNamesBothSidesPoliciesAndWhatElseIsSet() {
        assertEquals("ours: OMP_NUM_THREADS=unset OMP_WAIT_POLICY=unset", BenchCommand.threading(Map.of(), false));
        assertEquals("ours: OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE OMP_PROC_BIND=true MALLOC_ARENA_MAX=1;"
                        + " torch: OMP_WAIT_POLICY=PASSIVE",
                BenchCommand.threading(Map.of("OMP_NUM_THREADS", "2", "OMP_WAIT_POLICY", "PASSIVE",
                        "OMP_PROC_BIND", "true", "MALLOC_ARENA_MAX", "1", "HOME", "/root"), true));
        assertEquals("ours: OMP_NUM_THREADS=2 OMP_WAIT_POLICY=unset GOMP_SPINCOUNT=1000; torch: OMP_WAIT_POLICY=PASSIVE\n"
                        + "note: ours may spin-wait; on a busy machine that was measured to slow it down up to 20x"
                        + " (scripts/prune-sh sets OMP_WAIT_POLICY=PASSIVE unless told otherwise)",
                BenchCommand.threading(Map.of("OMP_NUM_THREADS", "2", "GOMP_SPINCOUNT", "1000"), true));
    }
}
