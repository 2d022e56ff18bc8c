package org.prunesh.ops.stp;

import org.prunesh.ops.prune.Decimals;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.Slimming;

/**
 * The settings of stimulative training a script switches, with ST's defaults where ST has one.
 *
 * @param subnets     subnets distilled per step (K), 1 to {@value #MAX_SUBNETS}; each adds a forward
 *                    and backward pass of a subnet to every step
 * @param lambda      weight of the distillation terms
 * @param temperature of the distillation softmax; ST uses 1
 * @param sampling    where the subnets come from
 * @param widthOrder  which channels a width keeps during training
 */
public record Stimulus(int subnets, double lambda, double temperature, Sampling sampling, WidthOrder widthOrder) {

    public static final int MAX_SUBNETS = 6;
    /** Two subnets per step: the cost measured for the README (141 s against 65 s for plain training). */
    public static final int DEFAULT_SUBNETS = 2;
    public static final double DEFAULT_LAMBDA = 1.0;
    /** As in ST's code: distil the full network's predictive distribution as it is. */
    public static final double DEFAULT_TEMPERATURE = 1.0;
    public static final Stimulus DEFAULT = new Stimulus(DEFAULT_SUBNETS, DEFAULT_LAMBDA, DEFAULT_TEMPERATURE,
            Sampling.DEFAULT, WidthOrder.DEFAULT);

    public Stimulus {
        if (subnets < 1 || subnets > MAX_SUBNETS) {
            throw new IllegalArgumentException("subnets per step must be 1 to " + MAX_SUBNETS + ", not " + subnets);
        }
        if (!(lambda > 0)) throw new IllegalArgumentException("lambda " + Decimals.plain(lambda) + " must be positive");
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature " + Decimals.plain(temperature) + " must be positive");
        }
    }

    /** The branches a network is built with for this training. */
    public Slimming slimming() {
        return new Slimming(subnets, lambda, temperature);
    }

    /** The step hook that draws the subnets of {@code net} (built with {@link #slimming()}) for a budget. */
    public StimulativeTraining hook(Network net, ArchSpace space, double budget, long seed) {
        Architecture a = net.architecture();
        return new StimulativeTraining(net, sampling.sampler(space, a, budget), widthOrder, seed);
    }
}
