package org.prunesh.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as {@code comparison.csv} and {@code comparison.json}, for analysis elsewhere:
 * values are fractions and seconds at full precision, a missing value is empty (CSV) or null (JSON).
 */
public final class ComparisonFiles {

    public static final String CSV = "comparison.csv";
    public static final String JSON = "comparison.json";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The two files written. */
    public record Written(Path csv, Path json) {
    }

    private ComparisonFiles() {
    }

    /** Writes both files into {@code dir}, creating it if needed, replacing earlier ones. */
    public static Written write(Comparison comparison, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(CSV);
        Path json = dir.resolve(JSON);
        replace(csv, csv(comparison));
        replace(json, MAPPER.writeValueAsString(json(comparison)) + "\n");
        return new Written(csv, json);
    }

    /**
     * Header: {@code configuration}, one column per differing setting, {@code runs},
     * {@code incomplete}, then {@code <metric>_mean} and {@code <metric>_std} for every metric,
     * then {@code run_dirs} (run directory names separated by {@code ;}).
     */
    public static String csv(Comparison comparison) {
        List<String> header = new ArrayList<>(List.of("configuration"));
        header.addAll(comparison.differing());
        header.addAll(List.of("runs", "incomplete"));
        for (Metric m : Metric.values()) header.addAll(List.of(m.key() + "_mean", m.key() + "_std"));
        header.add("run_dirs");
        StringBuilder sb = new StringBuilder();
        row(sb, header);
        for (Comparison.Configuration c : comparison.configurations()) {
            List<String> cells = new ArrayList<>(List.of(c.label()));
            cells.addAll(c.settings().values());
            cells.addAll(List.of(String.valueOf(c.runs().size()), String.valueOf(c.incomplete())));
            for (Metric m : Metric.values()) {
                cells.add(number(c.stat(m).mean()));
                cells.add(number(c.stat(m).std()));
            }
            cells.add(String.join(";", c.runs().stream().map(RunResults::directoryName).toList()));
            row(sb, cells);
        }
        return sb.toString();
    }

    /** The JSON document as maps and lists: {@code by}, {@code configurations}, {@code notes}. */
    public static Map<String, Object> json(Comparison comparison) {
        List<Object> configurations = new ArrayList<>();
        for (Comparison.Configuration c : comparison.configurations()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("label", c.label());
            o.put("settings", c.settings());
            List<Object> runs = new ArrayList<>();
            for (RunResults r : c.runs()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("directory", r.directoryName());
                run.put("name", r.name());
                run.put("seed", r.seed());
                run.put("completion", r.completion().name().toLowerCase());
                for (Metric m : Metric.values()) run.put(m.key(), orNull(m.of(r)));
                runs.add(run);
            }
            o.put("runs", runs);
            for (Metric m : Metric.values()) {
                Stat s = c.stat(m);
                Map<String, Object> stat = new LinkedHashMap<>();
                stat.put("n", s.n());
                stat.put("mean", orNull(s.mean()));
                stat.put("std", orNull(s.std()));
                o.put(m.key(), stat);
            }
            configurations.add(o);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("by", comparison.by().key());
        doc.put("differing", comparison.differing());
        doc.put("configurations", configurations);
        doc.put("notes", comparison.notes());
        return doc;
    }

    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /**
     * RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. Lines
     * end in a bare line feed, as Unix tools expect.
     */
    static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String cell = cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            sb.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        sb.append('\n');
    }

    /** Through a temporary file, so a reader never sees half a table. */
    static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
