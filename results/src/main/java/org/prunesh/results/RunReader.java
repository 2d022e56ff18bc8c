package org.prunesh.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.train.EpochMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.prunesh.ops.run.RunDirectory.CONFIG;
import static org.prunesh.ops.run.RunDirectory.METRICS;
import static org.prunesh.ops.run.RunDirectory.SUMMARY;

/** Reads a run directory as {@code RunDirectory} and the run executor write it ({@link RunSummary}). */
final class RunReader {


    /** Unknown fields are skipped, so that runs written by a newer prune-sh still read. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunReader() {
    }

    static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    static RunResults read(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) throw new UnreadableRunException(runDir, "not a directory");
        if (!isRun(runDir)) throw new UnreadableRunException(runDir, "not a run directory (no " + CONFIG + ")");
        List<String> notes = new ArrayList<>();
        JsonNode config = tree(runDir.resolve(CONFIG));
        if (!config.isObject()) throw new UnreadableRunException(runDir.resolve(CONFIG), "not a JSON object");
        String name = config.path("name").asText(runDir.getFileName().toString());
        long seed = config.path("seed").asLong();
        List<SchedulePoint> steps = new ArrayList<>();
        for (JsonNode point : config.path("pruningSteps")) steps.add(convert(runDir.resolve(CONFIG), point, SchedulePoint.class));
        long totalSteps = config.path("clock").path("totalSteps").asLong();
        int plannedEpochs = config.path("train").path("epochs").asInt();

        List<EpochMetrics> epochs = metrics(runDir.resolve(METRICS), notes);
        RunResults.Summary summary = null;
        List<LayerTable.Row> layers = new ArrayList<>();
        Path summaryFile = runDir.resolve(SUMMARY);
        if (Files.isRegularFile(summaryFile)) {
            JsonNode s = tree(summaryFile);
            if (!s.isObject()) throw new UnreadableRunException(summaryFile, "not a JSON object");
            summary = summary(s);
            for (JsonNode row : s.path("layers")) layers.add(convert(summaryFile, row, LayerTable.Row.class));
            if (summary.cancelled()) {
                notes.add(String.format("cancelled after %d of %d epochs", summary.epochsCompleted(), plannedEpochs));
            }
            if (summary.diverged()) notes.add(divergence(s.path("divergence")));
        } else {
            // a sweep read while it trains has such runs too, so "interrupted" alone would mislead
            notes.add(String.format("no %s: unfinished (still running, or interrupted) after %d of %d epochs; "
                    + "final numbers are those of the last finished epoch in %s", SUMMARY, epochs.size(), plannedEpochs, METRICS));
        }
        return new RunResults(runDir, name, seed, Settings.of(config), summary, epochs, layers, steps,
                totalSteps, plannedEpochs, notes);
    }

    /**
     * One object per line. Lines are flushed whole, but a process killed in the middle of a write
     * can leave the last one cut short: that line is dropped and said so; a bad line before it is
     * an error.
     */
    private static List<EpochMetrics> metrics(Path file, List<String> notes) throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                JsonNode line = JSON.readTree(lines.get(i));
                // the line a diverged run ends with marks where it stopped; it is not an epoch
                if (line.path("diverged").asBoolean()) continue;
                epochs.add(JSON.treeToValue(line, EpochMetrics.class));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new UnreadableRunException(file, "line " + (i + 1) + " is not an epoch record: "
                            + e.getOriginalMessage(), e);
                }
                notes.add(METRICS + ": the last line is incomplete (written when the run was stopped) and was skipped");
            }
        }
        return epochs;
    }

    private static RunResults.Summary summary(JsonNode s) {
        JsonNode flops = s.get("flops");
        return new RunResults.Summary(number(s, "testAccuracy"), number(s, "testLoss"),
                number(s, "sparsityPrunable"), number(s, "sparsityAll"), s.path("paramsTotal").asLong(),
                s.path("paramsPrunable").asLong(), s.path("paramsPrunableActive").asLong(), s.path("steps").asLong(),
                s.path("epochsCompleted").asInt(), number(s, "wallSeconds"), s.path("cancelled").asBoolean(),
                s.path("diverged").asBoolean(),
                flops == null || !flops.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(flops.asDouble()));
    }

    /** {@code diverged at step 8 (epoch 2): the training loss is NaN}, from summary.json's divergence. */
    private static String divergence(JsonNode d) {
        if (!d.isObject()) return "diverged";
        return String.format("diverged at step %d (epoch %d): %s; no result is counted", d.path("step").asLong(),
                d.path("epoch").asInt(), d.path("what").asText("a value was not finite"));
    }

    /** Jackson writes NaN as the string "NaN"; a missing number is NaN as well. */
    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Double.NaN;
        if (v.isNumber()) return v.asDouble();
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static JsonNode tree(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UnreadableRunException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T convert(Path file, JsonNode node, Class<T> type) throws UnreadableRunException {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableRunException(file, "unexpected " + type.getSimpleName() + " " + node, e);
        }
    }
}
