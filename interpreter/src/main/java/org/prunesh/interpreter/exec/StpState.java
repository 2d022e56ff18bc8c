package org.prunesh.interpreter.exec;

import org.prunesh.ops.stp.StimulusSpec;
import org.prunesh.ops.stp.ArchSpace;
import org.prunesh.ops.stp.Importance;

import java.util.ArrayList;
import java.util.List;

/**
 * The STP settings in force: the architecture space with its channel importance, the FLOPs
 * budget, stimulative training (null when off), the architecture the model is built from, the
 * last search and the subnets extracted so far.
 *
 * @param refresh    how often a ranking width order recomputes the channel order, as written ({@code 1 epochs} when not given)
 * @param scratch    the architecture of {@code model ... arch NAME}, as NAME stood then; null for the whole model
 * @param lastSearch the last search's scored candidates, for {@code report search}; null before one
 */
public record StpState(ArchSpace space, Importance importance, Interval refresh, Double budget, StimulusSpec stimulus,
                       ArchValue scratch, SearchRecord lastSearch, List<SubnetRow> subnets) {

    public static final StpState INITIAL = new StpState(null, Importance.L1, new Interval(1, true), null, null, null,
            null, List.of());

    public StpState {
        subnets = List.copyOf(subnets);
    }

    /** A length of training in steps or epochs. */
    public record Interval(long amount, boolean epochs) {
        long steps(long stepsPerEpoch) {
            return Math.max(1, epochs ? amount * stepsPerEpoch : amount);
        }
    }

    /**
     * A search's candidates as scored, on the network they were scored on.
     *
     * @param order   the channel order the candidates were realised with
     * @param scoring the calibration and held-out batches of their scores
     */
    public record SearchRecord(String strategy, RunRecord run, org.prunesh.ops.stp.ChannelOrder order,
                               org.prunesh.ops.stp.Scoring scoring, List<org.prunesh.ops.stp.ArchSearch.Scored> scored) {
        public SearchRecord {
            scored = List.copyOf(scored);
        }
    }

    /**
     * One extracted subnet, for {@code report subnets}.
     *
     * @param relativeMagnitude        mean |w| dropped over kept, channels in the order the search used
     * @param indexOrderRatio          the same with channels kept in index order, the same for every training
     * @param untrainedIndexOrderRatio the latter on the run's initial weights: the ratio training started from
     */
    public record SubnetRow(String name, String source, String strategy, String arch, String perStage,
                            double macsFraction, long params, long fullParams, double kd, double testAccuracy,
                            double relativeMagnitude, double indexOrderRatio, double untrainedIndexOrderRatio,
                            java.nio.file.Path directory) {
    }

    public StpState withSpace(ArchSpace s, Importance i, Interval r) {
        return new StpState(s, i, r, budget, stimulus, scratch, lastSearch, subnets);
    }

    public StpState withBudget(double b) {
        return new StpState(space, importance, refresh, b, stimulus, scratch, lastSearch, subnets);
    }

    public StpState withStimulus(StimulusSpec st) {
        return new StpState(space, importance, refresh, budget, st, scratch, lastSearch, subnets);
    }

    public StpState withScratch(ArchValue a) {
        return new StpState(space, importance, refresh, budget, stimulus, a, lastSearch, subnets);
    }

    public StpState withLastSearch(SearchRecord r) {
        return new StpState(space, importance, refresh, budget, stimulus, scratch, r, subnets);
    }

    public StpState withSubnets(List<SubnetRow> rows) {
        return new StpState(space, importance, refresh, budget, stimulus, scratch, lastSearch, rows);
    }

    public StpState withSubnet(SubnetRow row) {
        List<SubnetRow> rows = new ArrayList<>(subnets);
        rows.add(row);
        return new StpState(space, importance, refresh, budget, stimulus, scratch, lastSearch, rows);
    }
}
