package org.prunesh.interpreter.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.Outcome;
import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.interpreter.diag.Diagnostic;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated and malformed scripts through {@link Session#check}, the entry {@code prune-sh check} uses:
 * parse and the resolver (checks and lowering), nothing loaded or trained (and through {@link Session#isIncomplete},
 * which the REPL asks first). Fails on any exception that escapes,
 * a script that takes longer than the per-script timeout, or a rejection whose diagnostics lack a
 * {@code file:line:col} position.
 *
 * <p>{@code -Dprunesh.fuzz.scripts=N} (default 2,000), {@code -Dprunesh.fuzz.seed=S} (default 18) and
 * {@code -Dprunesh.fuzz.timeout=SECONDS} (default 10); {@code mvn -Pfuzz} runs 100,000. The figures go to
 * {@code target/fuzz-report.txt}.
 */
class ScriptFuzzTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    /** Statements of every kind, as the README's language section writes them. */
    private static final String LANGUAGE = String.join("\n",
            "seed 18;",
            "data synthetic samples 4000 test_samples 1000 features 32 classes 4 noise 1.0 seed 7;",
            "data fashion-mnist limit 10000 test_limit 2000;",
            "data cifar10 path \"cifar\" mean [0.4914, 0.4822, 0.4465] std [0.247, 0.243, 0.261];",
            "model mlp hidden [300, 100] width 0.5;",
            "train epochs 20 batch 128 optimizer sgd lr 0.1 momentum 0.9 nesterov weight_decay 5e-4",
            "      decay multistep milestones [50%, 75%] gamma 0.1 warmup 1 epoch label_smoothing 0.1 crop 4 flip;",
            "schedule cubic from 0 to 0.9 start 1 epoch end 75% every 100 steps exponent 3;",
            "schedule exp from 0 to 0.9 end 75% every 1 epoch;",
            "schedule oneshot to 0.9 at 500 steps;",
            "schedule points [(0, 0.5), (2 epochs, 0.8), (50%, 0.9)];",
            "select gradient ratio 0.5 then magnitude;",
            "select magnitude pool anneal cosine 0.5 to 0.005 then gradient;",
            "select gradient mean 8 ratio 0.5 then taylor ratio 0.5 then magnitude;",
            "scope erk min_density 0.02 max_density 0.5;",
            "granularity nm 2:4;",
            "exclude first, last, \"fc3*\";",
            "regrow granet fraction 0.5 every 100 steps start 0 end 90% anneal cosine;",
            "init erk 0.9;",
            "let fggp = select gradient ratio 0.5 then magnitude;",
            "let agp = schedule cubic from 0.5 to 0.98 end 50% every 1000 steps;",
            "run \"name\";  evaluate;  show schedule;",
            "report layers;  report flops;  report runs;  report compare by test_accuracy;",
            "sweep method in [fggp, magnitude], seed in [1, 2, 3] { select method; run; }",
            "prune now to 0.9 by fggp scope layerwise;",
            "export tensors to \"tensors-fggp\";",
            "save \"fggp-90\";  load \"fggp-90\";",
            "");

    @TempDir
    Path dir;

    @Test
    void mutatedScriptsAreRejectedWithPositionsNeverWithExceptionsOrHangs() throws Exception {
        int count = Integer.getInteger("prunesh.fuzz.scripts", 2_000);
        long seed = Long.getLong("prunesh.fuzz.seed", 18);
        long timeout = Long.getLong("prunesh.fuzz.timeout", 10);
        ScriptMutator mutator = new ScriptMutator(seeds(), importFiles());

        Figures f = new Figures();
        List<String> failures = new ArrayList<>();
        Worker worker = new Worker();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                String script = mutator.script(seed, i);
                long t0 = System.nanoTime();
                Future<Evaluation> job = worker.submit(script);
                String failure;
                try {
                    failure = verdict(job.get(timeout, TimeUnit.SECONDS), f);
                } catch (TimeoutException e) {
                    f.hangs++;
                    failure = "no answer in " + timeout + " s";
                    worker.replace();
                } catch (ExecutionException e) {
                    f.exceptions++;
                    failure = stack(e.getCause());
                }
                f.slowestMillis = Math.max(f.slowestMillis, (System.nanoTime() - t0) / 1_000_000);
                if (failure != null && failures.size() < 10) {
                    failures.add("script " + i + " (seed " + seed + "): " + failure + "\n  script: " + head(script));
                }
            }
        } finally {
            worker.close();
        }
        f.scripts = count;
        f.seconds = (System.nanoTime() - started) / 1e9;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report.txt"), f.report(seed) + String.join("\n", failures) + "\n");

        assertEquals(List.of(), failures, f.report(seed));
        assertEquals(0, f.exceptions + f.hangs + f.unpositioned);
        // the generator must reach both sides, or it tests little
        assertTrue(f.accepted > 0 && f.rejected > count / 2, f.report(seed));
    }

    /** What the figures count, and null when the answer is sound; else what is wrong with it. */
    private static String verdict(Evaluation e, Figures f) {
        if (e.outcome() == Outcome.OK) {
            f.accepted++;
            return e.diagnostics().isEmpty() ? null : "accepted with diagnostics: " + e.rendered();
        }
        if (e.outcome() != Outcome.SCRIPT_ERROR) return "check answered " + e.outcome();
        f.rejected++;
        if (e.diagnostics().isEmpty()) {
            f.unpositioned++;
            return "rejected without a diagnostic";
        }
        for (Diagnostic d : e.diagnostics()) {
            if (d.span() == null || d.span().source() == null || d.span().source().isBlank() || d.span().line() < 1
                    || d.span().column() < 1
                    || !e.rendered().contains(d.span().source() + ":" + d.span().line() + ":" + d.span().column())) {
                f.unpositioned++;
                return "a diagnostic without file:line:col: " + d;
            }
        }
        return null;
    }

    private static final class Figures {
        int scripts;
        int accepted;
        int rejected;
        int exceptions;
        int hangs;
        int unpositioned;
        long slowestMillis;
        double seconds;

        String report(long seed) {
            return String.format(Locale.ROOT, "fuzz seed %d: %,d scripts, %,d accepted, %,d rejected, %d exceptions,"
                            + " %d hangs, %d rejections without a position, %.1f s (slowest %,d ms)%n", seed, scripts,
                    accepted, rejected, exceptions, hangs, unpositioned, seconds, slowestMillis);
        }
    }

    /**
     * Checks scripts on one thread of the default stack size, as the launcher's main thread has; a
     * script that hangs is abandoned with its thread and session.
     */
    private final class Worker implements AutoCloseable {
        private ExecutorService thread;
        private Session session;

        Worker() {
            replace();
        }

        Future<Evaluation> submit(String script) {
            Session s = session;
            // the REPL asks whether an input is unfinished before it checks it: both must hold
            return thread.submit(() -> {
                s.isIncomplete(script);
                return s.check(script, "fuzz.prn");
            });
        }

        void replace() {
            if (thread != null) thread.shutdownNow();
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz");
                t.setDaemon(true);
                return t;
            });
            session = new Session(new SessionConfig(dir.resolve("runs"), dir, false), SessionListener.SILENT);
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>(List.of(LANGUAGE));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".prn")).sorted().toList()) {
                seeds.add(Files.readString(p));
            }
        }
        for (String line : LANGUAGE.split("\n")) seeds.add(line + "\n");
        return seeds;
    }

    /** Files the mutations import: cycles of one, two and forty files, a good one, non-scripts, a directory. */
    private List<String> importFiles() throws IOException {
        Files.writeString(dir.resolve("self.prn"), "import \"self.prn\";\n");
        Files.writeString(dir.resolve("cycle-a.prn"), "seed 2;\nimport \"cycle-b.prn\";\n");
        Files.writeString(dir.resolve("cycle-b.prn"), "import \"cycle-a.prn\";\n");
        int chain = 40;
        for (int i = 0; i < chain; i++) {
            Files.writeString(dir.resolve("chain-" + i + ".prn"), "import \"chain-" + ((i + 1) % chain) + ".prn\";\n");
        }
        Files.writeString(dir.resolve("good.prn"), "let fggp = select gradient ratio 0.5 then magnitude;\n");
        Files.write(dir.resolve("garbage.prn"), new byte[] {0, 1, 2, (byte) 0xff, 's', 'e', 'e', 'd'});
        Files.writeString(dir.resolve("secret.txt"), "password=hunter2\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("folder.prn"));
        return List.of("import \"self.prn\";", "import \"cycle-a.prn\";", "import \"chain-7.prn\";",
                "import \"good.prn\";", "import \"garbage.prn\";", "import \"secret.txt\";", "import \"folder.prn\";",
                "import \"missing.prn\";", "import \"\";", "import \"/\";", "import \"../../../../etc/passwd\";",
                "import \"" + dir.resolve("good.prn") + "\";");
    }

    private static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 2_000 ? s.substring(0, 2_000) + "..." : s;
    }

    /** The script's start, escaped so that control characters show. */
    private static String head(String script) {
        StringBuilder sb = new StringBuilder();
        for (char c : script.substring(0, Math.min(300, script.length())).toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb + (script.length() > 300 ? "... (" + script.length() + " chars)" : "");
    }
}
