package org.prunesh.ops.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scores a script can name. A factory per name, not a shared instance, so that a stateful
 * criterion (one that accumulates over steps) gets a fresh state per run. Adding a criterion is
 * one line in {@link #FACTORIES}.
 */
public final class Scores {

    private static final Map<String, Supplier<Score>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("magnitude", MagnitudeScore::new);
        FACTORIES.put("gradient", GradientScore::new);
    }

    private Scores() {
    }

    /** A new score of that name, or empty when no criterion has it. */
    public static Optional<Score> byName(String name) {
        Supplier<Score> factory = FACTORIES.get(name);
        return factory == null ? Optional.empty() : Optional.of(factory.get());
    }

    /** Every known name, in registration order; for diagnostics such as "expected one of ...". */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }
}
