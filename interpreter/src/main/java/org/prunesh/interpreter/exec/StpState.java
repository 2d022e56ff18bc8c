package org.prunesh.interpreter.exec;

import org.prunesh.ops.stp.ArchSpace;
import org.prunesh.ops.stp.Importance;

import java.util.ArrayList;
import java.util.List;

/**
 * The STP settings in force: the architecture space with its channel importance, the FLOPs
 * budget, stimulative training (null when off), and the subnets extracted so far.
 *
 * @param refresh how often stimulative training recomputes the channel order, as written ({@code 1 epochs} when not given)
 */
public record StpState(ArchSpace space, Importance importance, Interval refresh, Double budget, Stimulus stimulus,
                       List<SubnetRow> subnets) {

    public static final StpState INITIAL = new StpState(null, Importance.L1, new Interval(1, true), null, null, List.of());

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
     * @param until when mutating expansion reaches the budget; null without expansion (subnets are
     *              then drawn uniformly from the whole space)
     */
    public record Stimulus(int subnets, double lambda, double temperature, Until until) {
    }

    /** A point of training as written: {@code 50%}, {@code 3 epochs} or {@code 400 steps}. */
    public record Until(double amount, org.prunesh.interpreter.ast.Quantity.Unit unit) {
        double fraction(org.prunesh.ops.schedule.StepClock clock) {
            double f = switch (unit) {
                case PERCENT -> amount / 100;
                case EPOCHS -> amount * clock.stepsPerEpoch() / clock.totalSteps();
                case STEPS -> amount / clock.totalSteps();
            };
            return Math.min(1, Math.max(1e-9, f));
        }

        @Override
        public String toString() {
            String n = amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount);
            return switch (unit) {
                case PERCENT -> n + "%";
                case EPOCHS -> n + " epochs";
                case STEPS -> n + " steps";
            };
        }
    }

    /** One extracted subnet, for {@code report subnets}. */
    public record SubnetRow(String name, String source, String strategy, String arch, String perStage,
                            double macsFraction, long params, long fullParams, double kd, double testAccuracy,
                            double relativeMagnitude, java.nio.file.Path directory) {
    }

    public StpState withSpace(ArchSpace s, Importance i, Interval r) {
        return new StpState(s, i, r, budget, stimulus, subnets);
    }

    public StpState withBudget(double b) {
        return new StpState(space, importance, refresh, b, stimulus, subnets);
    }

    public StpState withStimulus(Stimulus st) {
        return new StpState(space, importance, refresh, budget, st, subnets);
    }

    public StpState withSubnets(List<SubnetRow> rows) {
        return new StpState(space, importance, refresh, budget, stimulus, rows);
    }

    public StpState withSubnet(SubnetRow row) {
        List<SubnetRow> rows = new ArrayList<>(subnets);
        rows.add(row);
        return new StpState(space, importance, refresh, budget, stimulus, rows);
    }
}
