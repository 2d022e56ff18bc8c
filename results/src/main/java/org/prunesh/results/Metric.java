package org.prunesh.results;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** A final number of a run that configurations can be compared by, named as in {@code compare by NAME}. */
public enum Metric {
    TEST_ACCURACY("test_accuracy", "test acc", true, Unit.PERCENT, RunResults::testAccuracy),
    TEST_LOSS("test_loss", "test loss", false, Unit.PLAIN, RunResults::testLoss),
    SPARSITY("sparsity", "sparsity", true, Unit.PERCENT, RunResults::sparsityPrunable),
    SPARSITY_ALL("sparsity_all", "(of all)", true, Unit.PERCENT, RunResults::sparsityAll),
    WALL_TIME("wall_time", "time", false, Unit.SECONDS, RunResults::wallSeconds),
    FLOPS("flops", "FLOPs", false, Unit.COUNT, RunResults::flops);

    enum Unit { PERCENT, PLAIN, SECONDS, COUNT }

    private final String key;
    private final String header;
    private final boolean higherIsBetter;
    private final Unit unit;
    private final ToDoubleFunction<RunResults> value;

    Metric(String key, String header, boolean higherIsBetter, Unit unit, ToDoubleFunction<RunResults> value) {
        this.key = key;
        this.header = header;
        this.higherIsBetter = higherIsBetter;
        this.unit = unit;
        this.value = value;
    }

    /** The name in scripts, on the command line and in CSV/JSON column names. */
    public String key() {
        return key;
    }

    /** The column heading of the text table. */
    public String header() {
        return header;
    }

    /** Sorting by this metric puts the best configuration first. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** NaN when the run does not record it. */
    public double of(RunResults run) {
        return value.applyAsDouble(run);
    }

    public static Optional<Metric> named(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** For messages: {@code test_accuracy, test_loss, ...}. */
    public static String names() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }

    /** A fraction shown in percent, so that differences of it read in points. */
    boolean isPercent() {
        return unit == Unit.PERCENT;
    }

    /** A value of this metric as the text table shows it. */
    String format(double v) {
        if (Double.isNaN(v)) return "n/a";
        return switch (unit) {
            case PERCENT -> String.format("%.2f%%", 100 * v);
            case PLAIN -> String.format("%.4f", v);
            case SECONDS -> String.format("%.1fs", v);
            case COUNT -> String.format("%,.0f", v);
        };
    }

    /** A spread of this metric, in the same unit as {@link #format} without repeating it for percent. */
    String formatSpread(double v) {
        if (Double.isNaN(v)) return "n/a";
        return switch (unit) {
            case PERCENT -> String.format("%.2f", 100 * v);
            case PLAIN -> String.format("%.4f", v);
            case SECONDS -> String.format("%.1fs", v);
            case COUNT -> String.format("%,.0f", v);
        };
    }
}
