package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerStatesTest {

    private static final String PARAM = "fc1.weight"; // [3, 4]
    private static final boolean[] KEEP = {true, false, true, false, true, false, true, false, false, false, true, true};

    private static Network mlp() {
        return Models.build(new ModelSpec.Mlp(List.of(4), 1.0), new long[]{3}, 2, 5, 0);
    }

    private static DataSet batch() {
        INDArray x = Nd4j.createFromArray(new float[][]{{1f, -0.5f, 2f}, {0.3f, 0.8f, -1f}, {-1.2f, 0.4f, 0.6f}, {0.9f, 1.1f, 0.2f}});
        INDArray y = Nd4j.createFromArray(new float[][]{{1f, 0f}, {0f, 1f}, {0f, 1f}, {1f, 0f}});
        return new DataSet(x, y);
    }

    private static void fit(Network net, int steps) {
        for (int i = 0; i < steps; i++) {
            net.graph().fit(new SingletonDataSetIterator(batch()), 1);
        }
    }

    private static void configure(Network net, IUpdater updater) {
        net.graph().setTrainingConfig(new TrainingConfig.Builder().updater(updater)
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    /** Clears with KEEP and checks: zero where dropped, bit-identical elsewhere. */
    private static void assertClearedExactly(Network net, Set<String> expectedKeys) {
        Map<String, INDArray> state = OptimizerStates.stateOf(net.graph(), PARAM);
        assertEquals(expectedKeys, state.keySet());
        Map<String, float[]> before = new java.util.HashMap<>();
        for (var e : state.entrySet()) before.put(e.getKey(), flat(e.getValue()));
        for (float[] b : before.values()) {
            boolean anyNonZeroDropped = false;
            for (int i = 0; i < b.length; i++) anyNonZeroDropped |= !KEEP[i] && b[i] != 0;
            assertTrue(anyNonZeroDropped, "training left nothing to clear; the test would prove nothing");
        }

        assertEquals(expectedKeys.size(), OptimizerStates.clear(net.graph(), PARAM, KEEP));

        // Read back through the graph's updater map: the cleared arrays are the live state.
        for (var e : OptimizerStates.stateOf(net.graph(), PARAM).entrySet()) {
            float[] b = before.get(e.getKey());
            float[] expected = new float[b.length];
            for (int i = 0; i < b.length; i++) expected[i] = KEEP[i] ? b[i] : 0f;
            assertArrayEquals(expected, flat(e.getValue()), e.getKey()); // exact, +0.0 included
        }
    }

    @Test
    void stateIsCreatedAtTheFirstFitAndNotBefore() {
        Network net = mlp();
        configure(net, new SgdMomentum(0.1, 0.9, false));
        assertEquals(Map.of(), OptimizerStates.stateOf(net.graph(), PARAM));
        assertEquals(0, OptimizerStates.clear(net.graph(), PARAM, KEEP));
        fit(net, 1);
        assertEquals(Set.of("momentum"), OptimizerStates.stateOf(net.graph(), PARAM).keySet());
    }

    @Test
    void clearsSgdMomentumAndTheNextStepUsesTheClearedBuffer() {
        Network net = mlp();
        configure(net, new SgdMomentum(0.1, 0.9, false));
        fit(net, 2);
        assertClearedExactly(net, Set.of("momentum"));

        float[] cleared = flat(OptimizerStates.stateOf(net.graph(), PARAM).get("momentum"));
        // The raw gradient at the current weights, on a copy (see Models.copyOf).
        DataSet b = batch();
        float[] g = flat(Models.copyOf(net).graph().calculateGradients(
                Map.of(Network.INPUT, b.getFeatures(), Network.LABEL, b.getLabels()), PARAM).get(PARAM));
        fit(net, 1);
        float[] next = flat(OptimizerStates.stateOf(net.graph(), PARAM).get("momentum"));
        float[] expected = new float[g.length];
        for (int i = 0; i < g.length; i++) expected[i] = 0.9f * cleared[i] + g[i];
        assertArrayEquals(expected, next, 1e-6f);
    }

    @Test
    void clearsAdamFirstAndSecondMoments() {
        Network net = mlp();
        configure(net, new Adam(0.01));
        fit(net, 2);
        assertClearedExactly(net, Set.of("M", "V"));
    }

    @Test
    void plainSgdHasNothingToClear() {
        Network net = mlp();
        configure(net, new org.nd4j.linalg.learning.config.Sgd(0.1));
        fit(net, 1);
        assertEquals(0, OptimizerStates.clear(net.graph(), PARAM, KEEP));
    }

    @Test
    void rejectsUnknownParametersAndWrongMaskLengths() {
        Network net = mlp();
        configure(net, new SgdMomentum(0.1, 0.9, false));
        assertEquals("the graph has no variable named fc9.weight", assertThrows(IllegalArgumentException.class,
                () -> OptimizerStates.clear(net.graph(), "fc9.weight", KEEP)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OptimizerStates.clear(net.graph(), Network.INPUT, KEEP));
        assertEquals("keep mask for fc1.weight has 2 elements, the parameter has 12",
                assertThrows(IllegalArgumentException.class,
                        () -> OptimizerStates.clear(net.graph(), PARAM, new boolean[2])).getMessage());
    }
}
