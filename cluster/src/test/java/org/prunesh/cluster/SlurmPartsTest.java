package org.prunesh.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cluster executor's parts that need no cluster: sbatch's arguments, states, resources, records. */
class SlurmPartsTest {

    @TempDir
    Path dir;

    @Test
    void theArraySpecGroupsRunsOfIndicesAndCapsConcurrency() {
        assertEquals("0-3%2", SbatchCommand.arraySpec(List.of(0, 1, 2, 3), 2));
        assertEquals("1,3-5,9", SbatchCommand.arraySpec(List.of(1, 3, 4, 5, 9), null));
    }

    @Test
    void sbatchGetsTheResourcesTheRequeueAndTheEarlySignal() {
        SlurmResources r = new SlurmResources(4, "8G", "02:00:00", "gpu", "lab", "gpu:1", List.of("--qos=long"), 8, 300);
        assertEquals(List.of("sbatch", "--parsable", "--test-only", "--job-name=prune-sh:cmp", "--array=0,2%8",
                        "--output=/r/.slurm/s/cell-%a.log", "--open-mode=append", "--requeue", "--signal=B:USR1@300",
                        "--cpus-per-task=4", "--mem=8G", "--time=02:00:00", "--partition=gpu", "--account=lab",
                        "--gres=gpu:1", "--qos=long", "/r/.slurm/s/cell.sh"),
                SbatchCommand.argv("prune-sh:cmp", List.of(0, 2), r, Path.of("/r/.slurm/s"), true));
        assertEquals(List.of("sbatch", "--parsable", "--job-name=x", "--array=5", "--output=/d/cell-%a.log",
                        "--open-mode=append", "--requeue", "--signal=B:USR1@120", "/d/cell.sh"),
                SbatchCommand.argv("x", List.of(5), SlurmResources.DEFAULTS, Path.of("/d"), false));
    }

    @Test
    void theConfigFileIsReadAndTheCommandLineOverridesIt() throws IOException {
        Path file = dir.resolve("slurm.properties");
        Files.writeString(file, "cpus-per-task = 2\nmem=4G\npartition=cpu\nsbatch-options=--qos=normal --nice=10\n"
                + "max-parallel=6\n");
        SlurmResources fromFile = SlurmResources.read(file);
        SlurmResources cli = new SlurmResources(null, "6G", null, "gpu", null, "gpu:1", List.of("--exclusive"), null,
                SlurmResources.DEFAULT_SIGNAL_SECONDS);
        assertEquals(new SlurmResources(2, "6G", null, "gpu", null, "gpu:1",
                List.of("--qos=normal", "--nice=10", "--exclusive"), 6, 120), fromFile.overriddenBy(cli));

        Files.writeString(file, "cpus=2\n");
        IOException typo = assertThrows(IOException.class, () -> SlurmResources.read(file));
        assertEquals(file + ": unknown key 'cpus'; expected one of account, cpus-per-task, gres, max-parallel, mem, "
                + "partition, sbatch-options, signal-seconds, time", typo.getMessage());
        Files.writeString(file, "max-parallel=two\n");
        assertEquals(file + ": max-parallel must be a whole number, found 'two'",
                assertThrows(IOException.class, () -> SlurmResources.read(file)).getMessage());
    }

    @Test
    void scontrolRecordsGiveEachTaskItsStateAndAPendingRangeIsSplit() {
        String out = """
                JobId=7 ArrayJobId=7 ArrayTaskId=2-3%2 JobState=PENDING Reason=JobArrayTaskLimit Restarts=0 ExitCode=0:0
                JobId=8 ArrayJobId=7 ArrayTaskId=0 JobState=RUNNING Reason=None Restarts=1 ExitCode=0:0
                JobId=9 ArrayJobId=7 ArrayTaskId=1 JobState=CANCELLED Reason=None Restarts=0 ExitCode=0:15
                """;
        Map<Integer, TaskState> tasks = TaskState.parse(out);
        assertEquals(new TaskState("PENDING", "JobArrayTaskLimit", "0:0", 0), tasks.get(2));
        assertEquals(tasks.get(2), tasks.get(3));
        assertEquals("pending (JobArrayTaskLimit)", CellStatus.of(3, tasks, dir).describe());
        assertEquals("running (start 2)", CellStatus.of(0, tasks, dir).describe());
        assertEquals("failed (CANCELLED, exit code 0:15)", CellStatus.of(1, tasks, dir).describe());
        assertEquals(List.of(1, 3, 5, 6), TaskState.indices("1,3-6:2,6%4"));
    }

    @Test
    void withoutSlurmsRecordTheExitMarkerDecides() throws IOException {
        Files.writeString(dir.resolve(SbatchCommand.exitMarker(0)), "0\n");
        Files.writeString(dir.resolve(SbatchCommand.exitMarker(1)), "70\n");
        assertEquals(new CellStatus(CellStatus.Phase.DONE, ""), CellStatus.of(0, Map.of(), dir));
        assertEquals("failed (exit status 70)", CellStatus.of(1, Map.of(), dir).describe());
        assertEquals("failed (gone from Slurm without an exit status)", CellStatus.of(2, Map.of(), dir).describe());
    }

    @Test
    void noSbatchOnThePathIsAClearError() {
        SlurmException e = assertThrows(SlurmException.class, () -> Slurm.onPath(dir + ":" + dir.resolve("bin")));
        assertEquals("no 'sbatch' on the PATH (" + dir + ":" + dir.resolve("bin") + "): the slurm executor needs "
                + "Slurm's client commands (Debian: slurm-client); on a cluster, run prune-sh on a login node", e.getMessage());
    }

    @Test
    void aSubmissionRecordReadsBackAsWritten() throws IOException {
        Path sub = Files.createDirectories(dir.resolve(Submission.FOLDER).resolve("20261205-101010-cmp"));
        Submission s = new Submission("42", Path.of("/x/cmp.prn"), sub,
                List.of(new CellSpec(0, "seed=1", List.of("t[seed=1]")), new CellSpec(1, "seed=2", List.of("t[seed=2]"))),
                List.of(1));
        s.write();
        assertEquals(s, Submission.latest(dir).orElseThrow());
        assertEquals(sub.resolve("cell-1.log"), s.log(1));
    }
}
