package org.prunesh.ops.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scores a script can name, and the one place a {@link ScoreSpec} becomes a {@link Score}.
 * A factory, not a table of shared instances, so that a stateful criterion (movement, an averaged
 * gradient) gets a fresh state per call: make one per run. Adding a criterion is one line in
 * {@link #FACTORIES}; variants are parameters of a criterion ({@code gradient mean K}), not new
 * names.
 */
public final class Scores {

    /** Builds a score from a spec that {@link #validate} accepted. */
    private interface Factory {
        Score create(ScoreSpec spec, long seed);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("magnitude", (spec, seed) -> new MagnitudeScore());
        FACTORIES.put("gradient", (spec, seed) -> new GradientScore(spec.variant()));
        FACTORIES.put("taylor", (spec, seed) -> new TaylorScore());
        FACTORIES.put("random", (spec, seed) -> new RandomScore(seed));
        FACTORIES.put("movement", (spec, seed) -> new MovementScore());
        FACTORIES.put("snip", (spec, seed) -> new SnipScore());
    }

    private Scores() {
    }

    /**
     * Why {@code spec} names no criterion, as a message for the script's author, or empty when it
     * is valid. {@code seed} plays no part: every seed is valid.
     */
    public static Optional<String> validate(ScoreSpec spec) {
        Objects.requireNonNull(spec, "spec");
        String name = spec.name();
        if (!FACTORIES.containsKey(name)) {
            return Optional.of("unknown score '" + name + "'; expected one of " + String.join(", ", names()));
        }
        if (spec.variant() == null) {
            return Optional.empty();
        }
        if (!takesVariants(name)) {
            return Optional.of("score '" + name + "' takes no variant, got '" + spec.variant().describe()
                    + "'; only gradient has variants: 'gradient mean K' and 'gradient ema B'");
        }
        return GradientScore.problem(spec.variant());
    }

    /**
     * A new score for {@code spec}; {@code seed} seeds the criteria that draw random numbers (the
     * run's seed, so a script plus a seed reproduces a run). Throws
     * {@link IllegalArgumentException} with {@link #validate}'s message for an invalid spec.
     */
    public static Score create(ScoreSpec spec, long seed) {
        Optional<String> problem = validate(spec);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return FACTORIES.get(spec.name()).create(spec, seed);
    }

    /** A new plain score of that name (seed 0 for random), or empty when no criterion has it. */
    public static Optional<Score> byName(String name) {
        return FACTORIES.containsKey(name) ? Optional.of(create(ScoreSpec.of(name), 0)) : Optional.empty();
    }

    /** True when the criterion {@code name} has variants ({@code mean K}, {@code ema B}): only gradient has. */
    public static boolean takesVariants(String name) {
        return name.equals("gradient");
    }

    /** Every known name, in registration order; for diagnostics such as "expected one of ...". */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }
}
