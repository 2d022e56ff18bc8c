package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.train.Checkpoint;
import org.prunesh.ops.train.TrainingProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run stopped inside an epoch, by SIGTERM to a Slurm cell's process or by what Ctrl-C does to
 * {@code prune-sh run}, writes a checkpoint at the step it stopped after; the cell run again (as
 * a requeued task) or {@code prune-sh resume} continues from that step and ends bit for bit as the
 * uninterrupted run: summary, every epoch's metrics, weights and masks.
 */
@Timeout(300)
class MidEpochSignalTest {

    /** 32 steps an epoch, 6 epochs; pruning every 5 steps from epoch 2 to 75% of training. */
    private static final String SETUP = String.join("\n",
            "seed 3;",
            "data synthetic samples 1600 test_samples 200 features 16 classes 4 noise 2.0;",
            "model mlp hidden [32, 16];",
            "train epochs 6 batch 50 optimizer sgd lr 0.05 momentum 0.9 nesterov weight_decay 1e-3;",
            "schedule cubic from 0 to 0.8 start 1 epoch end 75% every 5 steps;",
            "");
    private static final String CELLS = SETUP + String.join("\n",
            "sweep seed in [3] {",
            "  select gradient ratio 0.5 then magnitude;",
            "  run \"long\";",
            "}",
            "");
    private static final String PLAIN = SETUP + String.join("\n",
            "select gradient ratio 0.5 then magnitude;",
            "run \"long\";",
            "");

    private static final Pattern STOPPED = Pattern.compile(
            "stopped '([^']+)' with a checkpoint at step (\\d+) \\(epoch (\\d+) of 6, batch (\\d+) done\\)");

    /** A progress line from epoch 2, 3 or 4: inside an epoch after the first, with epochs left to stop in. */
    private static final Pattern UNDER_WAY = Pattern.compile("\\] epoch [2-4]/6 ");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aCellSignalledInsideAnEpochContinuesFromThatStep() throws Exception {
        Path script = Files.writeString(dir.resolve("cells.prn"), CELLS);
        Path straightRuns = dir.resolve("straight");
        assertEquals(0, execute(Session::new, "--runs-dir", straightRuns.toString(), "run", script.toString()),
                err.toString());

        // the array task's process: SIGTERM as Slurm (or the batch script on USR1) sends it
        Path runs = dir.resolve("runs");
        Path log = dir.resolve("cell.log");
        Process p = new ProcessBuilder(ResumeAfterKillTest.javaCommand("--runs-dir", runs.toString(), "cell",
                "--index", "0", script.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // progress lines come a few times a second, so a fast machine may print none in epoch 2
        while (p.isAlive() && !UNDER_WAY.matcher(Files.readString(log)).find()) Thread.sleep(20);
        assertTrue(p.isAlive(), "the cell ended before it could be signalled: " + Files.readString(log));
        p.destroy();    // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String stoppedLog = Files.readString(log);
        assertEquals(130, p.exitValue(), stoppedLog);
        assertTrue(stoppedLog.contains("prune-sh: signalled; stopping after the step in progress, with a checkpoint"
                + " there"), stoppedLog);
        Stop stop = Stop.in(stoppedLog);
        Path runDir = SlurmExecutorTest.runsByName(runs).get("long-seed-3");
        assertNotNull(runDir, stoppedLog);
        Checkpoint saved = Checkpoint.read(runDir.resolve("checkpoint.bin"));
        assertStoppedAt(stop, saved);

        // the requeued task: the same command again
        assertEquals(0, execute(Session::new, "--runs-dir", runs.toString(), "cell", "--index", "0",
                script.toString()), err.toString());
        assertTrue(out.toString().contains("continuing the cell's interrupted run in " + runDir), out.toString());
        assertTrue(out.toString().contains("resuming 'long[seed=3]' at step " + stop.step + " (epoch " + stop.epoch
                + " of 6, batch " + stop.batch + " done)"), out.toString());
        RunFiles.assertSameRun(SlurmExecutorTest.runsByName(straightRuns).get("long-seed-3"), runDir);
    }

    /** Ctrl-C's handler calls {@link Session#cancel()}; here it is called when epoch 2 is under way. */
    @Test
    void aRunCancelledInsideAnEpochResumesFromThatStep() throws Exception {
        Path script = Files.writeString(dir.resolve("plain.prn"), PLAIN);
        Path straightRuns = dir.resolve("straight");
        assertEquals(0, execute(Session::new, "--runs-dir", straightRuns.toString(), "run", script.toString()),
                err.toString());

        Path runs = dir.resolve("runs");
        AtomicBoolean cancelled = new AtomicBoolean();
        assertEquals(130, execute((config, listener) -> {
            Session[] session = new Session[1];
            session[0] = new Session(config, new SessionListener() {
                @Override public void output(String text) { listener.output(text); }
                @Override public void progress(TrainingProgress progress) {
                    listener.progress(progress);
                    if (progress.epoch() >= 2 && !cancelled.getAndSet(true)) session[0].cancel();
                }
            });
            return session[0];
        }, "--runs-dir", runs.toString(), "run", script.toString()), err.toString());
        Stop stop = Stop.in(out.toString());
        assertEquals("long", stop.run);
        Path runDir = onlyRun(runs);
        assertStoppedAt(stop, Checkpoint.read(runDir.resolve("checkpoint.bin")));
        assertTrue(out.toString().contains("'prune-sh resume " + runDir + "' continues from it"), out.toString());
        assertTrue(RunFiles.json(runDir.resolve("summary.json")).get("cancelled").asBoolean());

        assertEquals(0, execute(Session::new, "resume", runDir.toString()), err.toString());
        assertTrue(out.toString().contains("resuming 'long' at step " + stop.step + " (epoch " + stop.epoch
                + " of 6, batch " + stop.batch + " done)"), out.toString());
        RunFiles.assertSameRun(onlyRun(straightRuns), runDir);
    }

    /** Where a stopped run said it stopped. */
    private record Stop(String run, long step, int epoch, int batch) {
        static Stop in(String output) {
            Matcher m = STOPPED.matcher(output);
            assertTrue(m.find(), output);
            return new Stop(m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
        }
    }

    /** The checkpoint is the one the message names, inside an epoch after the first one began. */
    private static void assertStoppedAt(Stop stop, Checkpoint saved) {
        assertNotNull(saved.inEpoch());
        assertEquals(stop.step, saved.step());
        assertEquals(stop.epoch, saved.epochsDone() + 1);
        assertEquals(stop.batch, saved.inEpoch().batchesDone());
        assertEquals(stop.step, saved.epochsDone() * 32L + stop.batch);
        assertTrue(stop.batch >= 1 && stop.batch <= 32, String.valueOf(stop.batch));
        assertTrue(saved.epochsDone() >= 1, "stopped in epoch " + stop.epoch);
    }


    private int execute(org.prunesh.shell.SessionFactory sessions, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.commandLine(new Main(sessions, false), new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static Path onlyRun(Path runs) throws IOException {
        try (var s = Files.list(runs)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }




}
