package org.prunesh.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;
import org.prunesh.cluster.Submission;
import org.prunesh.ops.train.Checkpoint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code run --executor slurm} on the local cluster: a sweep's cells as one job array end exactly
 * as the local executor's runs; a cancelled cell alone is submitted again; a cell stopped by the
 * scheduler's signal is checkpointed at the step it stopped after, inside its epoch, and continues
 * from that step to the uninterrupted result.
 */
class SlurmExecutorTest {

    /** A 2 x 2 sweep, a few seconds per cell. */
    static final String SWEEP = String.join("\n",
            "data synthetic samples 512 test_samples 128 features 8 classes 4;",
            "model mlp hidden [16];",
            "train epochs 3 batch 64 lr 0.05;",
            "schedule cubic from 0 to 0.5 start 0 steps end 16 steps every 2 steps;",
            "let fggp = select gradient ratio 0.5 then magnitude;",
            "sweep method in [fggp, magnitude], seed in [1, 2] {",
            "  select method;",
            "  run \"t\";",
            "}",
            "report compare by test_accuracy;",
            "");

    /** Long enough per epoch to be stopped in the middle of a cell. */
    static final String SLOW = String.join("\n",
            "data synthetic samples 2048 test_samples 256 features 16 classes 4;",
            "model mlp hidden [64];",
            "train epochs 6 batch 64 lr 0.02;",
            "schedule cubic from 0 to 0.8 start 1 epoch end 5 epochs every 16 steps;",
            "sweep seed in [1, 2] {",
            "  select magnitude;",
            "  run \"slow\";",
            "}",
            "report compare by test_accuracy;",
            "");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void needsSlurm() {
        LocalSlurm.assumeAvailable();
    }

    /** A failed test leaves no task running on the shared cluster. */
    @AfterEach
    void cancelWhatIsLeft() throws IOException {
        for (Path runs : List.of(dir.resolve("runs"), dir.resolve("cluster"))) {
            if (Files.isDirectory(runs.resolve(Submission.FOLDER))) {
                try (Stream<Path> subs = Files.list(runs.resolve(Submission.FOLDER))) {
                    for (Path sub : subs.toList()) LocalSlurm.run("scancel", Submission.read(sub).jobId());
                }
            }
        }
    }

    private int execute(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.commandLine(new Main(Session::new, false), new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private int slurm(Path runs, Path script, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--runs-dir", runs.toString(), "run", "--executor", "slurm",
                "--mem", "1500M", "--max-parallel", "2", "--poll-seconds", "0.5"));
        args.addAll(List.of(more));
        args.add(script.toString());
        return execute(args.toArray(String[]::new));
    }

    @Test
    void theArraysRunsEqualTheLocalRunsAndCompareTheSame() throws IOException {
        Path script = script("sweep.prn", SWEEP);
        Path local = dir.resolve("local");
        Path cluster = dir.resolve("cluster");
        assertEquals(0, execute("--runs-dir", local.toString(), "run", script.toString()), err.toString());
        String localTable = compareTable(out.toString());

        assertEquals(0, slurm(cluster, script), out + "\n" + err);
        String followed = out.toString();
        for (String cell : List.of("0 [method=fggp,seed=1]", "1 [method=fggp,seed=2]", "2 [method=magnitude,seed=1]",
                "3 [method=magnitude,seed=2]")) {
            assertTrue(followed.matches("(?s).*cell " + java.util.regex.Pattern.quote(cell) + " job \\d+_\\d: done\n.*"),
                    followed);
        }
        assertTrue(followed.contains("submitted job "), followed);
        assertEquals(4, followed.lines().filter(l -> l.contains("finished before in")).count(), followed);
        assertEquals(localTable, compareTable(followed));

        Map<String, Path> localRuns = runsByName(local);
        Map<String, Path> clusterRuns = runsByName(cluster);
        assertEquals(localRuns.keySet(), clusterRuns.keySet());
        assertEquals(4, localRuns.size());
        for (String name : localRuns.keySet()) {
            Path a = localRuns.get(name);
            Path b = clusterRuns.get(name);
            assertEquals(RunFiles.withoutTimes(RunFiles.json(a.resolve("summary.json"))),
                    RunFiles.withoutTimes(RunFiles.json(b.resolve("summary.json"))), name);
            assertEquals(RunFiles.json(a.resolve("config.json")).without("provenance"),
                    RunFiles.json(b.resolve("config.json")).without("provenance"), name);
            assertEquals(RunFiles.metricsWithoutTimes(a), RunFiles.metricsWithoutTimes(b), name);
            Checkpoint ca = Checkpoint.read(a.resolve("checkpoint.bin"));
            Checkpoint cb = Checkpoint.read(b.resolve("checkpoint.bin"));
            RunFiles.assertSameArrays(ca.masks(), cb.masks(), name + " masks");
            RunFiles.assertSameArrays(ca.variables(), cb.variables(), name + " weights");
        }

        // all cells finished: the same command submits nothing and reports again
        assertEquals(0, slurm(cluster, script), out + "\n" + err);
        assertTrue(out.toString().startsWith("every cell of the sweep has a finished run in " + cluster), out.toString());
        assertEquals(localTable, compareTable(out.toString()));
    }

    @Test
    void aCancelledCellIsReportedAndTheSameCommandSubmitsOnlyIt() throws Exception {
        Path script = script("slow.prn", SLOW);
        Path runs = dir.resolve("runs");
        assertEquals(0, slurm(runs, script, "--detach"), out + "\n" + err);
        Submission first = Submission.latest(runs).orElseThrow();
        assertEquals(List.of(0, 1), first.submitted());
        assertTrue(out.toString().contains("submitted job " + first.jobId() + ": 2 of 2 cells"), out.toString());

        assertEquals(SlurmRun.EX_UNAVAILABLE, slurm(runs, script));
        assertEquals("prune-sh: job " + first.jobId() + " still has 2 cells of this sweep pending or running; "
                + "'prune-sh status " + runs + "' follows them, 'scancel " + first.jobId() + "' stops them\n",
                err.toString());

        Path log1 = first.log(1);
        waitFor(() -> read(log1).contains("] epoch 1/6 "), 240, "cell 1 to finish an epoch: " + read(log1));
        LocalSlurm.run("scancel", first.jobId() + "_1");
        waitFor(() -> ended(first.jobId(), 0) && ended(first.jobId(), 1), 240, "both cells to end");

        assertEquals(0, execute("--runs-dir", runs.toString(), "status"), err.toString());
        String status = out.toString();
        assertTrue(status.contains("cell 0 [seed=1] job " + first.jobId() + "_0: done\n"), status);
        assertTrue(status.contains("cell 1 [seed=2] job " + first.jobId() + "_1: failed (CANCELLED, exit code 130:0); log "
                + log1 + "\n"), status);

        assertEquals(0, slurm(runs, script), out + "\n" + err);
        Submission second = Submission.latest(runs).orElseThrow();
        assertEquals(List.of(1), second.submitted());
        assertTrue(out.toString().contains("1 of 2 cells (the others finished before)"), out.toString());
        assertTrue(read(second.log(1)).contains("continuing the cell's interrupted run in "), read(second.log(1)));
        assertEquals(2, runsByName(runs).size());
    }

    @Test
    void aCellWarnedOfItsTimeLimitRequeuesAndEndsAsAnUninterruptedRun() throws Exception {
        Path script = script("slow.prn", SLOW);
        Path runs = dir.resolve("runs");
        assertEquals(0, slurm(runs, script, "--detach"), out + "\n" + err);
        Submission s = Submission.latest(runs).orElseThrow();
        Path log0 = s.log(0);
        waitFor(() -> read(log0).contains("] epoch 2/6 "), 240, "cell 0 to finish two epochs: " + read(log0));
        // what Slurm sends --signal-seconds before the time limit: the batch shell's USR1
        LocalSlurm.run("scancel", "--batch", "--signal=USR1", s.jobId() + "_0");
        waitFor(() -> LocalSlurm.state(s.jobId(), 0).equals(List.of("PENDING", "1")), 120, "the cell to be requeued");
        // A requeued task waits two minutes before it is eligible again; the test does not, but gives
        // the old task's step a few seconds to be cleaned up (started at once, the new one failed).
        Thread.sleep(5000);
        LocalSlurm.run("scontrol", "update", "JobId=" + s.jobId() + "_0", "StartTime=now");
        waitFor(() -> ended(s.jobId(), 0) && ended(s.jobId(), 1), 300, "both cells to end");
        String log = read(log0) + LocalSlurm.run("scontrol", "-o", "show", "job", s.jobId());
        assertTrue(log.contains("the time limit is near; the cell stopped at its checkpoint and is requeued"), log);
        // stopped after the step in progress, inside an epoch (32 steps each), and resumed at that very step
        java.util.regex.Matcher stopped = java.util.regex.Pattern.compile("stopped 'slow\\[seed=1]' with a checkpoint "
                + "at step (\\d+) \\(epoch (\\d+) of 6, batch (\\d+) done\\)").matcher(log);
        assertTrue(stopped.find(), log);
        long step = Long.parseLong(stopped.group(1));
        int epoch = Integer.parseInt(stopped.group(2));
        int batch = Integer.parseInt(stopped.group(3));
        assertTrue(epoch >= 3 && batch >= 1 && batch <= 32, stopped.group());
        assertEquals((epoch - 1) * 32L + batch, step);
        assertTrue(log.contains("resuming 'slow[seed=1]' at step " + step + " (epoch " + epoch + " of 6, batch " + batch
                + " done)"), log);
        assertTrue(log.indexOf("resuming 'slow[seed=1]'") > stopped.end(), log);

        Path local = dir.resolve("local");
        assertEquals(0, execute("--runs-dir", local.toString(), "run", script.toString()), err.toString());
        Path resumed = runsByName(runs).get("slow-seed-1");
        Path whole = runsByName(local).get("slow-seed-1");
        RunFiles.assertSameRun(whole, resumed);
    }

    @Test
    void anUnknownPartitionOrARejectedRequestIsAnErrorAndNothingIsSubmitted() throws IOException {
        Path script = script("sweep.prn", SWEEP);
        Path runs = dir.resolve("runs");
        assertEquals(SlurmRun.EX_UNAVAILABLE, slurm(runs, script, "--partition", "nope"));
        assertEquals("prune-sh: unknown partition 'nope'; this cluster has: debug\nnothing was submitted\n",
                err.toString());
        assertEquals(SlurmRun.EX_UNAVAILABLE, slurm(runs, script, "--time", "soon"));
        assertTrue(err.toString().startsWith("prune-sh: Slurm rejects the submission: sbatch: error: Invalid --time "
                + "specification\n  sbatch --parsable --test-only --job-name=prune-sh:sweep --array=0-3%2"), err.toString());
        assertTrue(err.toString().endsWith("\nnothing was submitted\n"), err.toString());
        assertTrue(Submission.latest(runs).isEmpty());
        assertEquals("", LocalSlurm.run("squeue", "-h", "-n", "prune-sh:sweep"));

        assertEquals(Main.EX_USAGE, execute("--runs-dir", runs.toString(), "run", "--mem", "1G", script.toString()));
        assertEquals("prune-sh: Slurm options need --executor slurm\n", err.toString());
    }

    // ---- helpers

    /** The comparison table without its time column (wall time is measured, not computed). */
    static String compareTable(String output) {
        int start = output.lastIndexOf('\n', output.indexOf(" configurations, best ")) + 1;
        int end = output.indexOf("written to ", start);
        assertTrue(start > 0 && end > start, output);
        return output.substring(start, end).lines().map(l -> l.replaceAll("\\s+(time|\\d+\\.\\ds)$", ""))
                .collect(Collectors.joining("\n"));
    }

    private static boolean ended(String job, int index) throws IOException {
        String state = LocalSlurm.state(job, index).get(0);
        return !List.of("PENDING", "RUNNING", "COMPLETING", "REQUEUED", "CONFIGURING").contains(state);
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check, int seconds, String what) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > until) fail("waited " + seconds + " s for " + what);
            Thread.sleep(300);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Run directories by name without their time stamp. */
    static Map<String, Path> runsByName(Path runs) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> Files.exists(d.resolve("summary.json")))
                    .collect(Collectors.toMap(d -> d.getFileName().toString().replaceFirst("^\\d{8}-\\d{6}-", ""),
                            d -> d));
        }
    }




}
