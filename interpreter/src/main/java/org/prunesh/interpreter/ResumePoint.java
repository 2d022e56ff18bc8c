package org.prunesh.interpreter;

import org.prunesh.ops.run.RunDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an interrupted run stands: its directory, the script it came from (script.prn beside
 * it), which of that script's executed run statements it is, and the directory the script's
 * relative paths were resolved against; {@code cells}, the slice of its sweep the command that
 * wrote it carried out ({@code run --only}), which the resumed script carries out too.
 */
public record ResumePoint(Path runDir, int ordinal, String source, Path baseDir, CellFilter cells) {

    public static ResumePoint of(Path runDir) throws IOException {
        Path config = runDir.resolve(RunDirectory.CONFIG);
        if (!Files.exists(config) || !Files.exists(runDir.resolve(RunDirectory.SCRIPT))) {
            throw new NoSuchFileException(runDir.toString(), null,
                    "not a run directory (expected config.json and script.prn in it)");
        }
        JsonNode replay = new ObjectMapper().readTree(config.toFile()).get("replay");
        if (replay == null || !replay.has("ordinal")) {
            throw new IOException(config + " has no replay record; the run was written by an older prune-sh");
        }
        Map<String, List<String>> only = new LinkedHashMap<>();
        replay.path("only").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            only.put(e.getKey(), values);
        });
        return new ResumePoint(runDir, replay.get("ordinal").asInt(), replay.get("source").asText(),
                Path.of(replay.get("baseDir").asText()), new CellFilter(only));
    }

    /** Where the resumed script's later runs go: beside this one. */
    public Path runsDir() {
        return runDir.toAbsolutePath().getParent();
    }
}
