package org.prunesh.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One array task as {@code scontrol -o show job} reports it.
 *
 * @param state    Slurm's job state: PENDING, RUNNING, COMPLETED, CANCELLED, TIMEOUT, ...
 * @param reason   why it is pending, or None
 * @param exitCode {@code status:signal}
 * @param restarts how often it was requeued
 */
public record TaskState(String state, String reason, String exitCode, int restarts) {

    /** The tasks of one array job by index; a pending record covering a range of indices is split. */
    public static Map<Integer, TaskState> parse(String scontrolOneLiners) {
        Map<Integer, TaskState> out = new HashMap<>();
        for (String line : scontrolOneLiners.split("\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String token : line.trim().split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq > 0) fields.putIfAbsent(token.substring(0, eq), token.substring(eq + 1));
            }
            String tasks = fields.get("ArrayTaskId");
            if (tasks == null || !fields.containsKey("JobState")) continue;
            TaskState state = new TaskState(fields.get("JobState"), fields.getOrDefault("Reason", "None"),
                    fields.getOrDefault("ExitCode", "0:0"), Integer.parseInt(fields.getOrDefault("Restarts", "0")));
            for (int index : indices(tasks)) out.put(index, state);
        }
        return out;
    }

    /** {@code 1-3,5%2} -> 1, 2, 3, 5. */
    static List<Integer> indices(String spec) {
        List<Integer> out = new ArrayList<>();
        int throttle = spec.indexOf('%');
        for (String part : (throttle < 0 ? spec : spec.substring(0, throttle)).split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(part));
            } else {
                int step = 1;
                String end = part.substring(dash + 1);
                int colon = end.indexOf(':');
                if (colon >= 0) {
                    step = Integer.parseInt(end.substring(colon + 1));
                    end = end.substring(0, colon);
                }
                for (int i = Integer.parseInt(part.substring(0, dash)); i <= Integer.parseInt(end); i += step) out.add(i);
            }
        }
        return out;
    }
}
