package org.prunesh.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paired comparison as {@code paired.csv} (one row per setting and value: the per-seed
 * differences, their mean and 95% interval) and {@code paired.json} (the same, plus the ranks and
 * notes). Numbers are fractions at full precision; a missing one is empty (CSV) or null (JSON).
 */
public final class PairedFiles {

    public static final String CSV = "paired.csv";
    public static final String JSON = "paired.json";

    private PairedFiles() {
    }

    public static ComparisonFiles.Written write(PairedComparison p, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(CSV);
        Path json = dir.resolve(JSON);
        ComparisonFiles.replace(csv, csv(p));
        ComparisonFiles.replace(json, ComparisonFiles.MAPPER.writeValueAsString(json(p)) + "\n");
        return new ComparisonFiles.Written(csv, json);
    }

    /**
     * Header: {@code setting}, {@code factor}, {@code value}, {@code baseline}, {@code metric},
     * {@code pairs}, {@code seeds} and {@code differences} ({@code ;}-separated), {@code mean},
     * {@code std}, {@code ci_low}, {@code ci_high}, {@code excludes_zero}, {@code missing_seeds}.
     */
    public static String csv(PairedComparison p) {
        StringBuilder sb = new StringBuilder();
        ComparisonFiles.row(sb, List.of("setting", "factor", "value", "baseline", "metric", "pairs", "seeds",
                "differences", "mean", "std", "ci_low", "ci_high", "excludes_zero", "missing_seeds"));
        for (PairedComparison.Row r : p.rows()) {
            TInterval t = r.interval();
            ComparisonFiles.row(sb, List.of(r.settingLabel(), p.factor(), r.value(), p.baseline(), p.by().key(),
                    String.valueOf(r.seeds().size()), join(r.seeds()), join(r.differences()),
                    ComparisonFiles.number(t.mean()), ComparisonFiles.number(t.std()),
                    ComparisonFiles.number(t.low()), ComparisonFiles.number(t.high()),
                    String.valueOf(t.excludesZero()), join(r.missing())));
        }
        return sb.toString();
    }

    public static Map<String, Object> json(PairedComparison p) {
        List<Object> rows = new ArrayList<>();
        for (PairedComparison.Row r : p.rows()) {
            TInterval t = r.interval();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("setting", r.setting());
            o.put("value", r.value());
            o.put("seeds", r.seeds());
            o.put("differences", r.differences());
            o.put("mean", ComparisonFiles.orNull(t.mean()));
            o.put("std", ComparisonFiles.orNull(t.std()));
            o.put("ci_low", ComparisonFiles.orNull(t.low()));
            o.put("ci_high", ComparisonFiles.orNull(t.high()));
            o.put("excludes_zero", t.excludesZero());
            o.put("missing_seeds", r.missing());
            rows.add(o);
        }
        List<Object> ranks = new ArrayList<>();
        for (Ranking.Entry e : p.ranking().entries()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("value", e.value());
            o.put("mean_rank", e.meanRank());
            o.put("best", e.best());
            o.put("settings", e.appearances());
            ranks.add(o);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("by", p.by().key());
        doc.put("factor", p.factor());
        doc.put("baseline", p.baseline());
        doc.put("confidence", TInterval.LEVEL);
        doc.put("rows", rows);
        doc.put("settings", p.ranking().settings());
        doc.put("ranks", ranks);
        doc.put("notes", p.notes());
        return doc;
    }

    private static String join(List<?> items) {
        return String.join(";", items.stream().map(String::valueOf).toList());
    }
}
