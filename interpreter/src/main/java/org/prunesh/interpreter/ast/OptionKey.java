package org.prunesh.interpreter.ast;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every option keyword of the language, as the grammar's option rules spell it (the constant's
 * name in lower case). Statements, checks and lowering name options by these constants, so a key
 * is spelt once; {@code OptionKeyTest} holds this list and the grammar's option rules together.
 */
public enum OptionKey {
    // data
    PATH("path \"dir\""), LIMIT, TEST_LIMIT, SAMPLES, TEST_SAMPLES, HOLDOUT, FEATURES, CLASSES, NOISE, SEED, MEAN, STD,
    // model
    HIDDEN, WIDTH, ARCH,
    // train
    EPOCHS, BATCH, OPTIMIZER, LR, MOMENTUM, NESTEROV, WEIGHT_DECAY, DECAY, MILESTONES, GAMMA, WARMUP,
    LABEL_SMOOTHING, CROP, FLIP,
    // schedule, scope, regrow
    FROM, TO("to <sparsity>"), START, END, AT("at <step>"), EVERY, EXPONENT, MIN_DENSITY, MAX_DENSITY, FRACTION,
    ANNEAL,
    // stimulate, search
    SUBNETS, LAMBDA, TEMPERATURE, EXPANSION, UNTIL, MIN, UNCAPPED, ORDER, AFTER("after <point of training>"),
    POPULATION, GENERATIONS, MUTATION, CROSSOVER, BATCHES, CALIBRATION;

    private static final Map<String, OptionKey> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OptionKey::text, Function.identity()));

    private final String form;

    OptionKey() {
        this.form = null;
    }

    /** @param form how "needs ..." messages write the option with its value */
    OptionKey(String form) {
        this.form = form;
    }

    /** The keyword as written in scripts, e.g. {@code weight_decay}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option with a placeholder for its value, for "needs ..." messages; the keyword when it has none. */
    public String form() {
        return form == null ? text() : form;
    }

    /** The key spelt {@code text}, if the language has one. */
    public static Optional<OptionKey> of(String text) {
        return Optional.ofNullable(BY_TEXT.get(text));
    }
}
