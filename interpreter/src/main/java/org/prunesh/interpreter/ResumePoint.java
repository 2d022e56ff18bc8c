package org.prunesh.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where an interrupted run stands: its directory, the script it came from (script.prn beside
 * it), which of that script's executed run statements it is, and the directory the script's
 * relative paths were resolved against.
 */
public record ResumePoint(Path runDir, int ordinal, String source, Path baseDir) {

    public static ResumePoint of(Path runDir) throws IOException {
        Path config = runDir.resolve("config.json");
        if (!Files.exists(config) || !Files.exists(runDir.resolve("script.prn"))) {
            throw new NoSuchFileException(runDir.toString(), null,
                    "not a run directory (expected config.json and script.prn in it)");
        }
        JsonNode replay = new ObjectMapper().readTree(config.toFile()).get("replay");
        if (replay == null || !replay.has("ordinal")) {
            throw new IOException(config + " has no replay record; the run was written by an older prune-sh");
        }
        return new ResumePoint(runDir, replay.get("ordinal").asInt(), replay.get("source").asText(),
                Path.of(replay.get("baseDir").asText()));
    }

    /** Where the resumed script's later runs go: beside this one. */
    public Path runsDir() {
        return runDir.toAbsolutePath().getParent();
    }
}
