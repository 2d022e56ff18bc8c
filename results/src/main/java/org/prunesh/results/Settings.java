package org.prunesh.results;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings that make a run's configuration: {@code config.json} flattened to dotted keys in
 * the file's order ({@code selection}, {@code train.lr}, {@code exclusions.first}), without what
 * differs between seeds of one configuration or follows from the other settings. Two runs belong
 * to the same configuration exactly when their settings are equal.
 */
public record Settings(Map<String, String> values) {

    /** Differs run by run within one configuration. */
    static final Set<String> PER_RUN = Set.of("name", "seed", "provenance", "replay");

    /**
     * Follow from the settings kept: the step clock from data and batch size, the pruning steps from
     * the schedule and clock, the prunable tensors from model and exclusions.
     */
    static final Set<String> DERIVED = Set.of("clock", "pruningSteps", "prunable", "scheduleWritten");

    /** Shown for a key a configuration lacks or holds as JSON null. */
    public static final String NONE = "none";

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings of(JsonNode config) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (PER_RUN.contains(key) || DERIVED.contains(key)) continue;
            if (key.equals("schedule")) {
                values.put(key, schedule(field.getValue(), config.get("scheduleWritten")));
            } else {
                flatten(key, field.getValue(), values);
            }
        }
        return new Settings(values);
    }

    /** The value at {@code key}, or {@link #NONE}. */
    public String get(String key) {
        return values.getOrDefault(key, NONE);
    }

    /**
     * One value for the whole schedule, as the script wrote it, so that a label reads
     * {@code schedule=cubic from 0 to 0.9 ...} rather than listing its fields. Runs written before
     * config.json carried {@code scheduleWritten} get their fields in file order instead.
     */
    private static String schedule(JsonNode spec, JsonNode written) {
        if (written != null && written.isTextual()) return written.asText();
        if (spec == null || spec.isNull() || spec.isEmpty()) return NONE;
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", spec, fields);
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(k.equals("kind") ? v : k + " " + v));
        return String.join(" ", parts);
    }

    private static void flatten(String key, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(key.isEmpty() ? field.getKey() : key + "." + field.getKey(), field.getValue(), into);
            }
        } else {
            into.put(key, scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) return NONE;
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isContainerNode() ? item.toString() : scalar(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return node.asText();
    }
}
