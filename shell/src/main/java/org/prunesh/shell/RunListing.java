package org.prunesh.shell;

import org.prunesh.ops.run.RunDirectory;
import org.prunesh.results.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code :runs}: the run directories on disk, oldest first, one line each. */
final class RunListing {

    private RunListing() {
    }

    static String of(Path runsDir) {
        if (!Files.isDirectory(runsDir)) return "no runs in " + runsDir.toAbsolutePath() + "\n";
        List<Path> dirs;
        try (Stream<Path> s = Files.list(runsDir)) {
            dirs = s.filter(p -> Files.exists(p.resolve(RunDirectory.CONFIG))).sorted().toList();
        } catch (IOException e) {
            return "cannot list " + runsDir + ": " + e.getMessage() + "\n";
        }
        if (dirs.isEmpty()) return "no runs in " + runsDir.toAbsolutePath() + "\n";
        StringBuilder sb = new StringBuilder();
        for (Path dir : dirs) {
            try {
                RunResults r = RunResults.read(dir);
                sb.append(String.format("%-48s %8.2f%%  %7.2f%% sparse  %s%n", dir.getFileName(),
                        100 * r.testAccuracy(), 100 * r.sparsityPrunable(), r.completion().name().toLowerCase()));
            } catch (IOException | RuntimeException e) {
                sb.append(String.format("%-48s unreadable: %s%n", dir.getFileName(), e.getMessage()));
            }
        }
        return sb.toString();
    }
}
