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
        FACTORIES.put("gradient", Scores::gradient);
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
        if (!name.equals("gradient")) {
            return Optional.of("score '" + name + "' takes no variant, got '" + spec.variant()
                    + "'; only gradient has variants: 'gradient mean K' and 'gradient ema B'");
        }
        double v = spec.value();
        return switch (spec.variant()) {
            case "mean" -> v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v) ? Optional.empty()
                    : Optional.of("gradient mean K needs a whole number K >= 1 of mini-batches, got "
                    + Decimals.plain(v));
            case "ema" -> v > 0 && v < 1 ? Optional.empty()
                    : Optional.of("gradient ema B needs a decay B in (0, 1), got " + Decimals.plain(v));
            default -> Optional.of("unknown variant '" + spec.variant()
                    + "' of score 'gradient'; expected 'gradient mean K' or 'gradient ema B'");
        };
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

    /** Every known name, in registration order; for diagnostics such as "expected one of ...". */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    private static Score gradient(ScoreSpec spec, long seed) {
        if (spec.variant() == null) {
            return new GradientScore();
        }
        return spec.variant().equals("mean") ? new GradientMeanScore((int) spec.value())
                : new GradientEmaScore(spec.value());
    }
}
