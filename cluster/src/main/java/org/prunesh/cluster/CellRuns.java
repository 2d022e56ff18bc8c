package org.prunesh.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.prunesh.ops.run.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cell's runs as they stand on disk, read from run directories only (no interpreter): a run is
 * one of this script's when its folder ends in the run's name and its {@code script.prn} is the
 * script's text. Finished means what the sweep's restart rule takes from disk: a summary of a run
 * that was not stopped, and its final checkpoint.
 */
public final class CellRuns {

    private final Path runsDir;
    private final String scriptText;

    public CellRuns(Path runsDir, String scriptText) {
        this.runsDir = runsDir;
        this.scriptText = recorded(scriptText);
    }

    /** True when every run of the cell has a finished directory. */
    public boolean finished(CellSpec cell) throws IOException {
        for (String name : cell.runNames()) {
            if (finishedRun(name).isEmpty()) return false;
        }
        return true;
    }

    /** The newest finished directory of run {@code name}. */
    public Optional<Path> finishedRun(String name) throws IOException {
        return candidates(name).filter(CellRuns::isFinished).max(Comparator.naturalOrder());
    }

    /**
     * The newest directory of the cell's first unfinished run, when that run started (a cell
     * stopped by the scheduler continues there); empty when it never started or all finished.
     */
    public Optional<Path> interrupted(CellSpec cell) throws IOException {
        for (String name : cell.runNames()) {
            if (finishedRun(name).isPresent()) continue;
            return candidates(name).max(Comparator.naturalOrder());
        }
        return Optional.empty();
    }

    static boolean isFinished(Path dir) {
        Path summary = dir.resolve(RunDirectory.SUMMARY);
        if (!Files.exists(summary) || !Files.exists(dir.resolve(RunDirectory.CHECKPOINT))) return false;
        try {
            JsonNode node = RunDirectory.JSON.readTree(summary.toFile());
            return !node.path("cancelled").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    private Stream<Path> candidates(String name) throws IOException {
        if (!Files.isDirectory(runsDir)) return Stream.empty();
        String suffix = "-" + RunDirectory.sanitise(name);
        List<Path> out;
        try (Stream<Path> dirs = Files.list(runsDir)) {
            out = dirs.filter(d -> d.getFileName().toString().endsWith(suffix))
                    .filter(d -> Files.exists(d.resolve(RunDirectory.CONFIG)))
                    .filter(this::sameScript).toList();
        }
        return out.stream();
    }

    private boolean sameScript(Path dir) {
        try {
            return recorded(Files.readString(dir.resolve(RunDirectory.SCRIPT))).equals(scriptText);
        } catch (IOException e) {
            return false;
        }
    }

    /** A script as a run directory records it (the session's transcript ends with a line break). */
    private static String recorded(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
