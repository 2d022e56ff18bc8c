package org.prunesh.ops.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes tensors for analysis in NumPy or PyTorch: per tensor {@code <name>.weight.npy} (float32),
 * {@code <name>.mask.npy} (bool) and, when there is one, {@code <name>.grad.npy} (float32), all in
 * the tensor's own shape, plus {@code index.json} listing each tensor's name, shape, files, active
 * count and sparsity, the totals and the caller's metadata. File names keep letters, digits,
 * {@code . _ -} and replace anything else by {@code _} (so {@code conv1.weight} stays as it is).
 *
 * <p>The export is written to a hidden sibling directory and renamed into place at the end, so an
 * interrupted export leaves no half-written directory. An existing target is replaced only if it is
 * empty or an earlier export (its index names this format and every file in it); anything else is
 * refused rather than deleted.
 */
public final class TensorExport {

    public static final String INDEX = "index.json";
    public static final String FORMAT = "prune-sh tensor export";
    public static final int VERSION = 1;
    private static final int MAX_BASE_LENGTH = 180;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TensorExport() {
    }

    /** Returns the export directory as an absolute path. */
    public static Path write(Path dir, List<ExportedTensor> tensors, Map<String, Object> meta) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new IllegalArgumentException("cannot export into the file-system root");
        Set<String> names = new HashSet<>();
        for (ExportedTensor t : tensors) {
            if (!names.add(t.name())) throw new IllegalArgumentException("tensor " + t.name() + " appears twice");
        }
        Files.createDirectories(parent);
        checkReplaceable(target);

        Path staging = createStaging(parent, target.getFileName().toString());
        List<Path> written = new ArrayList<>();
        try {
            Map<String, Object> index = writeAll(staging, tensors, meta == null ? Map.of() : meta, written);
            Path indexFile = staging.resolve(INDEX);
            written.add(indexFile);
            JSON.writeValue(indexFile.toFile(), index);
            install(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging, written, e);
            throw e;
        }
        return target;
    }

    private static Map<String, Object> writeAll(Path staging, List<ExportedTensor> tensors, Map<String, Object> meta,
                                                List<Path> written) throws IOException {
        Set<String> usedBases = new HashSet<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        long size = 0;
        long active = 0;
        for (ExportedTensor t : tensors) {
            String base = uniqueBase(t.name(), usedBases);
            Map<String, String> files = new LinkedHashMap<>();
            files.put("weight", write(staging, base + ".weight.npy", Nd4j.create(t.weights(), t.shape(), 'c'), written));
            files.put("mask", write(staging, base + ".mask.npy", Nd4j.create(t.mask(), t.shape(), DataType.BOOL), written));
            if (t.gradient() != null) {
                files.put("grad", write(staging, base + ".grad.npy", Nd4j.create(t.gradient(), t.shape(), 'c'), written));
            }
            int a = t.activeCount();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", t.name());
            e.put("shape", t.shape());
            e.put("size", t.weights().length);
            e.put("active", a);
            e.put("sparsity", t.sparsity());
            e.put("files", files);
            entries.add(e);
            size += t.weights().length;
            active += a;
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("tensors", tensors.size());
        total.put("size", size);
        total.put("active", active);
        total.put("sparsity", size == 0 ? 0.0 : 1 - (double) active / size);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("format", FORMAT);
        index.put("version", VERSION);
        index.put("meta", meta);
        index.put("total", total);
        index.put("tensors", entries);
        return index;
    }

    /**
     * ND4J's own {@code .npy} writer: for float32 and bool it writes {@code numpy.save}'s bytes
     * (header, padding and data; TensorExportTest compares them with numpy's), so no writer of our own.
     */
    private static String write(Path dir, String fileName, INDArray array, List<Path> written) throws IOException {
        Path file = dir.resolve(fileName);
        written.add(file);
        Nd4j.writeAsNumpy(array, file.toFile());
        return fileName;
    }

    /** A file-safe base name, distinct from earlier ones even on a case-insensitive file system. */
    static String uniqueBase(String name, Set<String> used) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < MAX_BASE_LENGTH; i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            b.append(plain ? c : '_');
        }
        if (b.isEmpty() || b.charAt(0) == '.') b.insert(0, '_'); // no hidden files
        String base = b.toString();
        String candidate = base;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) candidate = base + "-" + n;
        return candidate;
    }

    /**
     * A fresh hidden sibling. Not Files.createTempDirectory: its owner-only permissions would stay on
     * the export after the rename; createDirectory applies the user's umask like any directory.
     */
    private static Path createStaging(Path parent, String name) throws IOException {
        while (true) {
            Path staging = parent.resolve("." + name + ".partial-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
            try {
                return Files.createDirectory(staging);
            } catch (FileAlreadyExistsException e) {
                // taken: draw another name
            }
        }
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || isEmptyDirectory(target)) return;
        if (previousExportFiles(target) == null) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "exists and is not an earlier tensor export; choose another directory or remove it");
        }
    }

    private static void install(Path staging, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            rename(staging, target);
            return;
        }
        if (isEmptyDirectory(target)) {
            Files.delete(target);
            rename(staging, target);
            return;
        }
        Set<String> old = previousExportFiles(target);
        if (old == null) {
            checkReplaceable(target); // the target changed since the first check: refuse now
            install(staging, target); // or it vanished meanwhile
            return;
        }
        Path aside = staging.resolveSibling(staging.getFileName() + ".old");
        rename(target, aside);
        try {
            rename(staging, target);
        } catch (IOException e) {
            rename(aside, target);
            throw e;
        }
        List<Path> oldFiles = new ArrayList<>();
        for (String f : old) oldFiles.add(aside.resolve(f));
        deleteQuietly(aside, oldFiles, null);
    }

    /** The files of an earlier export in {@code dir}, or null if {@code dir} is anything else. */
    private static Set<String> previousExportFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return null;
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) return null;
        JsonNode root;
        try {
            root = JSON.readTree(index.toFile());
        } catch (IOException e) {
            return null;
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) return null;
        Set<String> listed = new HashSet<>();
        listed.add(INDEX);
        for (JsonNode t : root.path("tensors")) {
            t.path("files").forEach(f -> listed.add(f.asText()));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (!listed.contains(name) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return null;
            }
        }
        return listed;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the given files and then {@code dir}; failures are attached to {@code cause} if any. */
    private static void deleteQuietly(Path dir, List<Path> files, Exception cause) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                if (cause != null) cause.addSuppressed(e);
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            if (cause != null) cause.addSuppressed(e);
        }
    }
}
