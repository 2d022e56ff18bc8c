package org.prunesh.cluster;

import org.prunesh.ops.run.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Submits a sweep's unfinished cells as one job array. Everything that can be judged before is
 * judged before: the partition exists, and Slurm accepts the exact request ({@code --test-only}).
 * A failure leaves nothing behind, neither a job nor a submission folder.
 */
public final class SlurmSubmitter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Slurm slurm;

    public SlurmSubmitter(Slurm slurm) {
        this.slurm = slurm;
    }

    /**
     * @param cellCommand how a task starts the cell: the prune-sh command line up to {@code cell}'s
     *                    options ({@code --index} and the script follow)
     * @param todo        indices of the cells to submit, ascending and not empty
     * @param scriptArgument the script as the user named it (relative to {@code workDir}): cells then
     *                       record the same source name in their runs as a local run does
     */
    public Submission submit(Path script, String scriptArgument, List<CellSpec> cells, List<Integer> todo, SlurmResources resources,
                             List<String> cellCommand, Path runsDir, Path workDir) throws SlurmException, IOException {
        if (todo.isEmpty()) throw new IllegalArgumentException("no cell to submit");
        if (resources.partition() != null) slurm.checkPartition(resources.partition());
        String name = RunDirectory.sanitise(script.getFileName().toString().replaceFirst("\\.prn$", ""));
        Path dir = runsDir.resolve(Submission.FOLDER).resolve(STAMP.format(LocalDateTime.now()) + "-" + name);
        for (int i = 2; Files.exists(dir); i++) dir = dir.resolveSibling(dir.getFileName() + "-" + i);
        Files.createDirectories(dir);
        boolean submitted = false;
        try {
            Path batch = dir.resolve(SbatchCommand.BATCH_SCRIPT);
            Files.writeString(batch, SbatchCommand.batchScript(cellCommand, scriptArgument, workDir, dir));
            Files.setPosixFilePermissions(batch, PosixFilePermissions.fromString("rwxr-xr-x"));
            String jobName = "prune-sh:" + name;
            slurm.test(SbatchCommand.argv(jobName, todo, resources, dir, true));
            String jobId = slurm.submit(SbatchCommand.argv(jobName, todo, resources, dir, false));
            submitted = true;
            Submission s = new Submission(jobId, script, dir, cells, todo);
            s.write();
            return s;
        } finally {
            if (!submitted) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
