package org.prunesh.bench;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch peer ({@code bench/torch_peer.py --serve}) as a persistent child process, spoken to
 * in lines: a request on its stdin, one answer on its stdout. Building and warming a model happen
 * once per {@link #setup}; each {@link #seconds} is a timed block the peer measures itself.
 *
 * <p>The child gets {@code OMP_WAIT_POLICY=PASSIVE}: its OpenMP workers then sleep between
 * parallel regions instead of spinning, so they leave both cores to us while our blocks run.
 */
public final class TorchPeer implements TrainingBench.Peer, AutoCloseable {

    /** The peer's answer could not be had or said "error ...". */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** The interpreters tried, in order, when none is named. */
    public static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;
    private final Path errors;
    private final String greeting;

    private TorchPeer(Process process, Path errors) throws IOException {
        this.process = process;
        this.errors = errors;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.greeting = readLine();
        if (!greeting.startsWith("hello ")) throw failure("unexpected greeting '" + greeting + "'");
    }

    /** Starts {@code python script --serve --threads threads}; fails if it does not greet. */
    public static TorchPeer start(String python, Path script, int threads) throws IOException {
        Path errors = Files.createTempFile("prune-sh-torch-peer", ".log");
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), "--serve", "--threads",
                Integer.toString(threads));
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        builder.redirectError(errors.toFile());
        try {
            return new TorchPeer(builder.start(), errors);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(errors);
            throw e;
        }
    }

    /** What the peer said it is, e.g. {@code torch 1.13.0a0 threads 2}. */
    public String version() {
        return greeting.substring("hello ".length());
    }

    /** Builds the model, its masks and batch on the peer; returns the peer's parameter count. */
    public long setup(BenchModel model, int batch, double sparsity) {
        return Long.parseLong(ask(String.format(Locale.ROOT, "setup %s %s %d %s %s %d", model.spec().name(),
                number(model.spec().width()), batch, number(sparsity), model.shapeText(), model.classes()), "ready"));
    }

    /** The peer's parameter count for {@code model}. */
    public long count(BenchModel model) {
        return Long.parseLong(ask(String.format(Locale.ROOT, "count %s %s %s %d", model.spec().name(),
                number(model.spec().width()), model.shapeText(), model.classes()), "params"));
    }

    @Override
    public double seconds(int steps) {
        return Double.parseDouble(ask("run " + steps, "seconds"));
    }

    /**
     * {@code steps} steps timed plainly, then {@code steps} under torch.profiler: the words of the
     * answer after its keyword (plain seconds, profiled seconds, then NAME:CALLS:MICROSECONDS per op),
     * read by {@link StepProfile#peer}.
     */
    public List<String> profile(int steps) {
        return values(askLine("profile " + steps), "profile", "profile " + steps);
    }

    @Override
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    @Override
    public void close() {
        try {
            requests.write("quit\n");
            requests.flush();
        } catch (IOException ignored) {
            // already gone: nothing to tell it
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(errors);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }

    private String ask(String request, String keyword) {
        String line = askLine(request);
        try {
            return value(line, keyword);
        } catch (IllegalArgumentException e) {
            throw new Failure("peer answered '" + request + "' with: " + e.getMessage());
        }
    }

    private String askLine(String request) {
        try {
            requests.write(request + "\n");
            requests.flush();
            return readLine();
        } catch (IOException e) {
            throw failure("cannot talk to the peer: " + e.getMessage());
        }
    }

    private String readLine() throws IOException {
        String line = replies.readLine();
        if (line == null) throw failure("the peer exited");
        return line;
    }

    /**
     * The value of an answer {@code "<keyword> <value>"}. Throws {@link IllegalArgumentException}
     * with the peer's own message for {@code "error ..."} and for anything else unexpected.
     */
    static String value(String line, String keyword) {
        List<String> words = words(line);
        if (words.size() != 2 || !words.get(0).equals(keyword)) {
            throw new IllegalArgumentException("expected '" + keyword + " <value>', got '" + line.strip() + "'");
        }
        return words.get(1);
    }

    /** The words after {@code keyword} of an answer that carries several; a {@link Failure} otherwise. */
    static List<String> values(String line, String keyword, String request) {
        try {
            List<String> words = words(line);
            if (!words.get(0).equals(keyword)) {
                throw new IllegalArgumentException("expected '" + keyword + " ...', got '" + line.strip() + "'");
            }
            return words.subList(1, words.size());
        } catch (IllegalArgumentException e) {
            throw new Failure("peer answered '" + request + "' with: " + e.getMessage());
        }
    }

    private static List<String> words(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("error ")) throw new IllegalArgumentException(trimmed.substring("error ".length()));
        return List.of(trimmed.split("\\s+"));
    }

    /** A number as the peer parses it: plain decimal, no exponent, no trailing zeros. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private Failure failure(String message) {
        String log = "";
        try {
            List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
            List<String> tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            if (!tail.isEmpty()) log = "; its last messages: " + String.join(" | ", tail);
        } catch (IOException ignored) {
            // no log to quote
        }
        return new Failure(message + log);
    }

    /**
     * The first of {@code candidates} that can import torch (each tried as
     * {@code <candidate> -c "import torch"}), or empty.
     */
    public static Optional<String> findPython(List<String> candidates) {
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import torch")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) return Optional.of(python);
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed under that name: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * {@code bench/torch_peer.py} of the source tree this shell was built from: searched upwards from
     * the shell's jar (or classes directory), then from {@code workingDir}.
     */
    public static Optional<Path> findScript(Path workingDir) {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(TorchPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // no code source (unusual class loader): the working directory remains
        }
        starts.add(workingDir.toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path script = dir.resolve("bench").resolve("torch_peer.py");
                if (Files.isRegularFile(script)) return Optional.of(script);
            }
        }
        return Optional.empty();
    }
}
