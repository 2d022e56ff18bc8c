package org.prunesh.ops.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A selection chain as written, before its criteria exist: scripts keep this, and each run builds
 * fresh {@link Score}s from it, so a stateful criterion (movement, gradient averages, random)
 * never carries state from one run into the next.
 *
 * @param stages each stage's criterion and pool; the last stage's pool is null
 */
public record SelectionSpec(List<StageSpec> stages) {

    public record StageSpec(ScoreSpec score, PoolRule pool) {
        public String describe() {
            return pool == null ? score.describe() : score.describe() + " " + pool.describe();
        }
    }

    public SelectionSpec {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("a selection needs at least one stage");
    }

    public static final SelectionSpec MAGNITUDE = new SelectionSpec(List.of(new StageSpec(ScoreSpec.of("magnitude"), null)));

    /** New criteria for one run, seeded by the run's seed (the random criterion draws from it). */
    public Selection build(long seed) {
        List<Stage> out = new ArrayList<>();
        for (StageSpec s : stages) {
            Score score = Scores.create(s.score(), seed);
            out.add(s.pool() == null ? Stage.last(score) : new Stage(score, s.pool()));
        }
        return new Selection(out);
    }

    public boolean needsGradient() {
        return build(0).needsGradient();
    }

    public String describe() {
        return stages.stream().map(StageSpec::describe).collect(Collectors.joining(" then "));
    }
}
