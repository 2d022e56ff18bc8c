package org.prunesh.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Turns what a user names on the command line (run directories or folders of them) into run directories. */
public final class RunLocator {

    private RunLocator() {
    }

    /**
     * Each path is either a run directory (it holds config.json) or a parent whose run
     * subdirectories it stands for, in name order, which is start-time order. A run named twice
     * counts once.
     *
     * @throws UnreadableRunException for a path that is neither
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        Set<Path> runs = new LinkedHashSet<>();
        for (Path path : paths) {
            Path p = path.toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new UnreadableRunException(path, Files.exists(p) ? "not a directory" : "no such directory");
            }
            if (RunReader.isRun(p)) {
                runs.add(p);
                continue;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(p)) {
                children = list.filter(Files::isDirectory).filter(RunReader::isRun).sorted().toList();
            }
            if (children.isEmpty()) {
                throw new UnreadableRunException(path, "neither a run directory (no config.json) nor a folder of runs");
            }
            runs.addAll(children);
        }
        return new ArrayList<>(runs);
    }

    /** Reads every run {@link #expand} finds. */
    public static List<RunResults> read(List<Path> paths) throws IOException {
        List<RunResults> results = new ArrayList<>();
        for (Path dir : expand(paths)) results.add(RunResults.read(dir));
        return results;
    }

    /**
     * Where results about several runs go by default: the deepest folder holding them all, which is
     * the runs folder for runs of one script.
     */
    public static Path commonFolder(List<RunResults> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs");
        Path common = parentOf(runs.get(0).directory());
        for (RunResults r : runs) {
            Path dir = r.directory().toAbsolutePath().normalize();
            while (!dir.startsWith(common)) common = parentOf(common);
        }
        return common;
    }

    private static Path parentOf(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return parent == null ? abs : parent;
    }
}
