package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Slimming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StimulusTest {

    @Test
    void defaultsFollowStAndKGoesUpToSix() {
        assertEquals(new Stimulus(2, 1.0, 1.0, new Sampling.Expansion(0.5, true), new WidthOrder.Fixed()),
                Stimulus.DEFAULT);
        assertEquals(new Slimming(6, 1.0, 1.0), new Stimulus(6, 1.0, 1.0, Sampling.DEFAULT, WidthOrder.DEFAULT)
                .slimming());
        assertEquals("subnets per step must be 1 to 6, not 7", assertThrows(IllegalArgumentException.class,
                () -> new Stimulus(7, 1.0, 1.0, Sampling.DEFAULT, WidthOrder.DEFAULT)).getMessage());
        assertEquals("temperature 0 must be positive", assertThrows(IllegalArgumentException.class,
                () -> new Stimulus(2, 1.0, 0, Sampling.DEFAULT, WidthOrder.DEFAULT)).getMessage());
    }

    @Test
    void sixBranchesEachGetASubnetBeforeAStep() {
        Stimulus six = new Stimulus(6, 1.0, 1.0, Sampling.DEFAULT, WidthOrder.DEFAULT);
        org.prunesh.ops.model.Network net = org.prunesh.ops.model.Models.build(
                new org.prunesh.ops.model.ModelSpec.ResNet(20, 0.25), new long[]{1, 28, 28}, 10, 2, 0, six.slimming());
        StimulativeTraining hook = six.hook(net, BudgetSamplingTest.COUPLED, 0.35, 1);
        hook.beforeStep(9, 10);   // past 'until': every branch in [0.2625, 0.35] of the MACs or a fallback
        int small = 0;
        for (int k = 1; k <= 6; k++) {
            float[] stream = net.graph().getArrForVarName(Slimming.maskName(k, "layer3.0.bn2")).dup().data().asFloat();
            float on = 0;
            for (float v : stream) on += v;
            // the fixed prefix: the kept channels are the first ones
            for (int c = 0; c < stream.length; c++) assertEquals(c < on ? 1f : 0f, stream[c], "branch " + k);
            if (on < stream.length) small++;
        }
        assertEquals(6, small);
    }
}
