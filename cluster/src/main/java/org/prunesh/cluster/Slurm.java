package org.prunesh.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's client commands, found on a PATH: submission (tested with {@code --test-only} first),
 * the cluster's partitions, and the states of an array's tasks.
 */
public final class Slurm {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path bin;

    private Slurm(Path bin) {
        this.bin = bin;
    }

    /** Slurm's commands from the directories of {@code pathVariable} (as in $PATH). */
    public static Slurm onPath(String pathVariable) throws SlurmException {
        for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path sbatch = Path.of(dir, "sbatch");
            if (Files.isExecutable(sbatch)) return new Slurm(Path.of(dir));
        }
        throw new SlurmException("no 'sbatch' on the PATH (" + pathVariable + "): the slurm executor needs Slurm's "
                + "client commands (Debian: slurm-client); on a cluster, run prune-sh on a login node");
    }

    /** An error naming the partitions there are when {@code name} is not one of them. */
    public void checkPartition(String name) throws SlurmException {
        List<String> partitions = partitions();
        if (!partitions.contains(name)) {
            throw new SlurmException("unknown partition '" + name + "'; this cluster has: " + String.join(", ", partitions));
        }
    }

    /** The cluster's partitions ({@code sinfo}), without the default's star. */
    public List<String> partitions() throws SlurmException {
        Result r = run(List.of("sinfo", "-h", "-o", "%P"));
        if (r.exit != 0) throw new SlurmException("sinfo failed (exit " + r.exit + "): " + r.err.strip());
        return Arrays.stream(r.out.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("*") ? s.substring(0, s.length() - 1) : s).toList();
    }

    /** Runs {@code argv} ({@code sbatch ... --test-only ...}): Slurm judges the request, submits nothing. */
    public void test(List<String> argv) throws SlurmException {
        Result r = run(argv);
        if (r.exit != 0) {
            throw new SlurmException("Slurm rejects the submission: " + r.err.strip() + "\n  " + String.join(" ", argv));
        }
    }

    /** Submits {@code argv} ({@code sbatch --parsable ...}) and returns the job id. */
    public String submit(List<String> argv) throws SlurmException {
        Result r = run(argv);
        String id = r.out.strip().split(";")[0];
        if (r.exit != 0 || !id.matches("\\d+")) {
            throw new SlurmException("sbatch failed (exit " + r.exit + "): " + (r.err + r.out).strip());
        }
        return id;
    }

    /** The states of the array's tasks Slurm still knows (finished ones for MinJobAge). */
    public Map<Integer, TaskState> tasks(String jobId) throws SlurmException {
        Result r = run(List.of("scontrol", "-o", "show", "job", jobId));
        if (r.exit != 0) {
            if (r.err.contains("Invalid job id")) return Map.of();
            throw new SlurmException("scontrol show job " + jobId + " failed (exit " + r.exit + "): " + r.err.strip());
        }
        return TaskState.parse(r.out);
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(List<String> argv) throws SlurmException {
        List<String> command = new ArrayList<>(argv);
        command.set(0, bin.resolve(argv.get(0)).toString());
        try {
            Path err = Files.createTempFile("prune-sh-slurm", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new SlurmException(argv.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new SlurmException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(argv.get(0) + " was interrupted");
        }
    }
}
