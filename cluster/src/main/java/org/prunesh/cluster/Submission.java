package org.prunesh.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.prunesh.ops.run.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code prune-sh status} needs to find an array again: the record a submission leaves in
 * {@code RUNS_DIR/.slurm/<time>-<script>/submission.json}, beside the batch script, the cells'
 * logs and their exit markers.
 *
 * @param cells     every cell of the sweep
 * @param submitted the indices submitted (cells without a finished run)
 */
public record Submission(String jobId, Path script, Path directory, List<CellSpec> cells, List<Integer> submitted) {

    public static final String FOLDER = ".slurm";
    public static final String FILE = "submission.json";

    public Submission {
        cells = List.copyOf(cells);
        submitted = List.copyOf(submitted);
    }

    public Path log(int index) {
        return directory.resolve(SbatchCommand.log(index));
    }

    public void write() throws IOException {
        ObjectNode root = RunDirectory.JSON.createObjectNode();
        root.put("jobId", jobId);
        root.put("script", script.toString());
        ArrayNode cellNodes = root.putArray("cells");
        for (CellSpec c : cells) {
            ObjectNode n = cellNodes.addObject();
            n.put("index", c.index());
            n.put("label", c.label());
            ArrayNode names = n.putArray("runs");
            c.runNames().forEach(names::add);
        }
        ArrayNode ids = root.putArray("submitted");
        submitted.forEach(ids::add);
        Path tmp = directory.resolve(FILE + ".tmp");
        RunDirectory.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, directory.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static Submission read(Path directory) throws IOException {
        JsonNode root = RunDirectory.JSON.readTree(directory.resolve(FILE).toFile());
        List<CellSpec> cells = new ArrayList<>();
        for (JsonNode n : root.get("cells")) {
            List<String> names = new ArrayList<>();
            n.get("runs").forEach(r -> names.add(r.asText()));
            cells.add(new CellSpec(n.get("index").asInt(), n.get("label").asText(), names));
        }
        List<Integer> submitted = new ArrayList<>();
        root.get("submitted").forEach(i -> submitted.add(i.asInt()));
        return new Submission(root.get("jobId").asText(), Path.of(root.get("script").asText()), directory, cells,
                submitted);
    }

    /** The newest submission recorded under {@code runsDir}. */
    public static Optional<Submission> latest(Path runsDir) throws IOException {
        Path folder = runsDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) return Optional.empty();
        Optional<Path> newest;
        try (Stream<Path> dirs = Files.list(folder)) {
            newest = dirs.filter(d -> Files.exists(d.resolve(FILE))).max(Path::compareTo);
        }
        return newest.isEmpty() ? Optional.empty() : Optional.of(read(newest.get()));
    }
}
