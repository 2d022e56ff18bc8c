package org.prunesh.ops.stp;

import org.prunesh.ops.model.Network;

/**
 * Which channels a width subnet keeps during stimulative training, as a script chooses it.
 * Whatever order the training last used is the one search and extraction use.
 */
public sealed interface WidthOrder {

    /**
     * The fixed prefix, as in the code of stimulative training (ST, NeurIPS 2022), for a
     * {@link Stimulus} built without a clock (it needs no step count). The language's default is
     * {@link FrozenAfter} at half of training, chosen from the README's measurements.
     */
    WidthOrder DEFAULT = new Fixed();

    /** The order at the first step of a run (or of a resumed run without a saved order). */
    ChannelOrder initial(Network net);

    /** Whether to rank the channels again before {@code step}, given an order exists. */
    boolean rerankAt(long step);

    /** The order ranked on the current weights. */
    ChannelOrder rank(Network net);

    /** Channels in index order: a width keeps the first ones, for the whole of training. */
    record Fixed() implements WidthOrder {
        @Override
        public ChannelOrder initial(Network net) {
            return ChannelOrder.identity(net.architecture());
        }

        @Override
        public boolean rerankAt(long step) {
            return false;
        }

        @Override
        public ChannelOrder rank(Network net) {
            return initial(net);
        }
    }

    /** Ranked by importance every {@code everySteps} steps for the whole of training (before issue 16). */
    record Reranked(Importance importance, long everySteps) implements WidthOrder {
        public Reranked {
            if (everySteps < 1) throw new IllegalArgumentException("refresh must be at least one step");
        }

        @Override
        public ChannelOrder initial(Network net) {
            return rank(net);
        }

        @Override
        public boolean rerankAt(long step) {
            return step % everySteps == 0;
        }

        @Override
        public ChannelOrder rank(Network net) {
            return ChannelOrder.of(net, importance);
        }
    }

    /** Ranked every {@code everySteps} steps before {@code freezeStep}, then frozen. */
    record FrozenAfter(Importance importance, long everySteps, long freezeStep) implements WidthOrder {
        public FrozenAfter {
            if (everySteps < 1) throw new IllegalArgumentException("refresh must be at least one step");
            if (freezeStep < 0) throw new IllegalArgumentException("freeze step " + freezeStep + " is negative");
        }

        @Override
        public ChannelOrder initial(Network net) {
            return rank(net);
        }

        @Override
        public boolean rerankAt(long step) {
            return step < freezeStep && step % everySteps == 0;
        }

        @Override
        public ChannelOrder rank(Network net) {
            return ChannelOrder.of(net, importance);
        }
    }
}
