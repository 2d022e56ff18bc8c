package org.prunesh.ops.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One run's directory, {@code runs/<time>-<name>/}. Whole files are written to a temporary name
 * and moved into place, so a crash never leaves a half-written result; {@code metrics.jsonl} is
 * appended and flushed line by line so a crash loses at most the epoch in progress.
 */
public final class RunDirectory implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private final Path dir;
    private BufferedWriter metrics;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** Creates a fresh directory; a numeric suffix keeps two runs started in the same second apart. */
    public static RunDirectory create(Path runsDir, String name, LocalDateTime now) throws IOException {
        Files.createDirectories(runsDir);
        String base = STAMP.format(now) + "-" + sanitise(name);
        Path dir = runsDir.resolve(base);
        for (int i = 2; Files.exists(dir); i++) dir = runsDir.resolve(base + "-" + i);
        Files.createDirectory(dir);
        return new RunDirectory(dir);
    }

    /**
     * Re-opens an existing run directory to continue it after {@code epochsKept} epochs:
     * metrics lines past those (an epoch finished after the last checkpoint) are dropped.
     */
    public static RunDirectory reopen(Path dir, int epochsKept) throws IOException {
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "not a run directory");
        RunDirectory run = new RunDirectory(dir);
        Path metrics = dir.resolve("metrics.jsonl");
        List<String> lines = Files.exists(metrics) ? Files.readAllLines(metrics, StandardCharsets.UTF_8) : List.of();
        List<String> kept = lines.stream().filter(l -> !l.isBlank()).limit(epochsKept).toList();
        run.writeText("metrics.jsonl", kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        return run;
    }

    public Path path() {
        return dir;
    }

    public void writeText(String file, String text) throws IOException {
        Path tmp = dir.resolve(file + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void writeJson(String file, Object value) throws IOException {
        writeText(file, JSON.writeValueAsString(value) + "\n");
    }

    /** Appends one JSON object as a line of {@code metrics.jsonl} and flushes it. */
    public void appendMetrics(Object record) {
        try {
            if (metrics == null) {
                metrics = Files.newBufferedWriter(dir.resolve("metrics.jsonl"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            metrics.write(JSON_LINE.writeValueAsString(record));
            metrics.newLine();
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve("metrics.jsonl"), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (metrics != null) metrics.close();
    }

    public static String sanitise(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "run" : s;
    }
}
