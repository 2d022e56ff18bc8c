package org.prunesh.interpreter.exec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What {@code report} prints; the checker's list of report names is this enum's words. */
public enum ReportTarget {
    LAYERS(true), FLOPS(true), RUNS(false), COMPARE(false), SUBNETS(true), ARCH(true), SEARCH(true);

    private final boolean needsModel;

    ReportTarget(boolean needsModel) {
        this.needsModel = needsModel;
    }

    /** The word a script writes, e.g. {@code layers}. */
    public String word() {
        return name().toLowerCase();
    }

    /** True when the report looks at the model, so that data and a model must be given first. */
    public boolean needsModel() {
        return needsModel;
    }

    /** True when the report looks at the last run's network (not at the subnets or the history). */
    public boolean needsRun() {
        return this == LAYERS || this == FLOPS;
    }

    public static Optional<ReportTarget> named(String word) {
        return Arrays.stream(values()).filter(t -> t.word().equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(ReportTarget::word).toList();
    }
}
