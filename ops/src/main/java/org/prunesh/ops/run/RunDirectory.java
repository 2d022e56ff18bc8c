package org.prunesh.ops.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run's directory, {@code runs/<time>-<name>/}. Whole files are written to a temporary name
 * and moved into place, so a crash never leaves a half-written result; {@code metrics.jsonl} is
 * appended and flushed line by line so a crash loses at most the epoch in progress.
 */
public final class RunDirectory implements AutoCloseable {

    /** The files of a run directory, named here once for every writer and reader. */
    public static final String CONFIG = "config.json";
    public static final String SUMMARY = "summary.json";
    public static final String METRICS = "metrics.jsonl";
    /** Each epoch's checkpoint replaces the last; after the last epoch it holds the final state. */
    public static final String CHECKPOINT = "checkpoint.bin";
    /** The script the run came from, replayed by {@code prune-sh resume}. */
    public static final String SCRIPT = "script.prn";
    public static final String LAYERS = "layers.txt";

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

    /**
     * Creates a fresh directory. Creation itself is the claim: two processes started in the same second
     * with the same name race on {@link Files#createDirectory}, which succeeds for exactly one of them;
     * the other takes the next numeric suffix. Failures say why in words (read-only, permission).
     */
    public static RunDirectory create(Path runsDir, String name, LocalDateTime now) throws IOException {
        try {
            Files.createDirectories(runsDir);
        } catch (IOException e) {
            throw new IOException("cannot create the runs directory " + runsDir + ": " + reason(e), e);
        }
        String base = STAMP.format(now) + "-" + sanitise(name);
        for (int i = 1; ; i++) {
            Path dir = runsDir.resolve(i == 1 ? base : base + "-" + i);
            try {
                Files.createDirectory(dir);
                return new RunDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // another run (possibly another process) holds this name: try the next suffix
            } catch (IOException e) {
                throw new IOException("cannot create a run directory in " + runsDir + ": " + reason(e), e);
            }
        }
    }

    /**
     * Fails before anything is written when the file store of {@code runsDir} (or of its nearest
     * existing parent) has less usable space than {@code bytes}; {@code what} names the need.
     */
    public static void requireSpace(Path runsDir, long bytes, String what) throws IOException {
        Path existing = runsDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        long usable = Files.getFileStore(existing).getUsableSpace();
        if (usable < bytes) {
            throw new IOException(String.format("not enough space for a run in %s: %s free, %s needs about %s",
                    runsDir, size(usable), what, size(bytes)));
        }
    }

    /** The file system's reason for an I/O failure, in words ("Read-only file system", "permission denied"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%.1f KB", bytes / 1024.0);
    }

    /**
     * Removes this directory and everything in it: a run that could not write a checkpoint leaves
     * nothing resumable, and on a full disk its files only take space.
     */
    public void delete() throws IOException {
        close();
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * A directory that could not be written (a full disk, a file system turned read-only): a new one
     * without a checkpoint holds nothing to resume and is removed, one with a checkpoint is kept for
     * {@code prune-sh resume}. Returns the failure, saying which it was; summary.json is written
     * whole or not at all either way.
     *
     * @param created this run made the directory (it is not a resumed one)
     * @param failure an {@link IOException}, or an {@link UncheckedIOException} around one
     */
    public UncheckedIOException abandon(boolean created, Exception failure) {
        IOException cause = failure instanceof UncheckedIOException u ? u.getCause() : (IOException) failure;
        String what = failure.getMessage();
        boolean resumable = Files.exists(dir.resolve(CHECKPOINT));
        try {
            if (created && !resumable) {
                delete();
                what += "; the incomplete run directory was removed";
            } else {
                what += "; " + dir + " keeps the last checkpoint ('prune-sh resume' continues from it)";
            }
        } catch (IOException again) {
            what += "; the incomplete run directory " + dir + " could not be removed either (" + reason(again) + ")";
        }
        return new UncheckedIOException(what, cause);
    }

    /**
     * The finished runs named {@code name} in {@code runsDir} (summary.json and the final checkpoint
     * present) whose config.json equals {@code config} but for the top-level fields {@code ignored}
     * (where and when it ran, say), oldest first. Configurations compare as JSON text reads back, so
     * that numbers compare by value and not by Java type.
     */
    public static List<Path> finished(Path runsDir, String name, Object config, List<String> ignored)
            throws IOException {
        if (!Files.isDirectory(runsDir)) return List.of();
        JsonNode wanted = without(JSON.readTree(JSON.writeValueAsString(config)), ignored);
        String suffix = "-" + sanitise(name);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path dir : dirs.sorted().toList()) {
                if (!dir.getFileName().toString().endsWith(suffix) || !Files.exists(dir.resolve(SUMMARY))
                        || !Files.exists(dir.resolve(CHECKPOINT)) || !Files.exists(dir.resolve(CONFIG))) continue;
                if (without(JSON.readTree(dir.resolve(CONFIG).toFile()), ignored).equals(wanted)) found.add(dir);
            }
        }
        return found;
    }

    private static JsonNode without(JsonNode config, List<String> fields) {
        ObjectNode copy = ((ObjectNode) config).deepCopy();
        copy.remove(fields);
        return copy;
    }

    /**
     * Re-opens an existing run directory to continue it after {@code epochsKept} epochs:
     * metrics lines past those (an epoch finished after the last checkpoint) are dropped.
     */
    public static RunDirectory reopen(Path dir, int epochsKept) throws IOException {
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "not a run directory");
        RunDirectory run = new RunDirectory(dir);
        Path metrics = dir.resolve(METRICS);
        List<String> lines = Files.exists(metrics) ? Files.readAllLines(metrics, StandardCharsets.UTF_8) : List.of();
        List<String> kept = lines.stream().filter(l -> !l.isBlank()).limit(epochsKept).toList();
        run.writeText(METRICS, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        return run;
    }

    public Path path() {
        return dir;
    }

    /**
     * Writes {@code file} whole or not at all: to a temporary name, then an atomic move. A failure
     * (a full disk) removes the temporary file and names the file and the reason.
     */
    public void writeText(String file, String text) throws IOException {
        Path tmp = dir.resolve(file + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + " in " + dir + ": " + reason(e), e);
        }
    }

    public void writeJson(String file, Object value) throws IOException {
        writeText(file, JSON.writeValueAsString(value) + "\n");
    }

    /** Appends one JSON object as a line of {@code metrics.jsonl} and flushes it. */
    public void appendMetrics(Object record) {
        try {
            if (metrics == null) {
                metrics = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            metrics.write(JSON_LINE.writeValueAsString(record));
            metrics.newLine();
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(METRICS) + ": " + reason(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (metrics != null) metrics.close();
    }

    /** Closes without a failure of its own: metrics lines were flushed as written, so closing loses nothing. */
    public void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // a write that failed has already been reported
        }
    }

    public static String sanitise(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "run" : s;
    }
}
