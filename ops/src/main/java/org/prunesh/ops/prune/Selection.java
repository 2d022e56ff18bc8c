package org.prunesh.ops.prune;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stage chain, {@code select A ratio r then B ...} or {@code select A pool anneal cosine a0 to a1
 * then B}: every stage but the last narrows the pool by its {@link PoolRule}, the last picks the
 * weights to prune. {@code select magnitude} is a chain of one stage; chains of any length run.
 */
public record Selection(List<Stage> stages) {

    public Selection {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a selection needs at least one stage");
        }
        for (int i = 0; i < stages.size() - 1; i++) {
            if (needsPool(i, stages.size()) && stages.get(i).isLast()) {
                throw new IllegalArgumentException("stage " + (i + 1) + " ('" + stages.get(i).score().name()
                        + "') is followed by another stage, so it needs a pool: 'ratio r' or 'pool anneal ...'");
            }
        }
        Stage last = stages.get(stages.size() - 1);
        if (needsPool(stages.size() - 1, stages.size()) != !last.isLast()) {
            throw new IllegalArgumentException("the last stage ('" + last.score().name()
                    + "') picks the weights to prune and takes no pool, got '" + last.pool().describe() + "'");
        }
    }

    /**
     * The rule of a chain: every stage but the last hands a pool to the next, and the last, which
     * picks the weights to prune, takes none. True when stage {@code index} of {@code stages} needs one.
     */
    public static boolean needsPool(int index, int stages) {
        return index < stages - 1;
    }

    /** {@code select score}. */
    public static Selection of(Score score) {
        return new Selection(List.of(Stage.last(score)));
    }

    /** {@code select first ratio r then second}; FGGP is {@code of(gradient, r, magnitude)}. */
    public static Selection of(Score first, double ratio, Score second) {
        return new Selection(List.of(Stage.of(first, ratio), Stage.last(second)));
    }

    public boolean needsGradient() {
        return stages.stream().anyMatch(s -> s.score().needsGradient());
    }

    /** The chain as a script writes it, e.g. {@code gradient ratio 0.5 then magnitude}. */
    public String describe() {
        return stages.stream().map(Stage::describe).collect(Collectors.joining(" then "));
    }
}
