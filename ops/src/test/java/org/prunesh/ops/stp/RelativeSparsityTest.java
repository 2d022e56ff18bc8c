package org.prunesh.ops.stp;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.Architecture;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeSparsityTest {

    @Test
    void meansOfDroppedAndKeptFiltersOnTheMiniNetwork() {
        Architecture mini = Nets.mini();
        Map<String, float[]> w = Nets.miniWeights();
        ChannelOrder order = ChannelOrder.of(mini, Importance.L1, w::get);
        // stream: 2 of 3 channels (order 0, 1, 2: keep 0 and 1); layer1.0.conv1: 1 of 2 (keep 0); layer1.1 dropped
        Arch arch = new Arch(List.of(1), List.of(0.5), List.of(0.5, 0.5));
        RelativeSparsity r = RelativeSparsity.of(mini, order, arch, w::get);

        // stream producers: conv1 {5, 0 | 1}, layer1.0.conv2 channels 0, 1 {0, 4, 0, 0 | 1, 2},
        // layer1.1.conv2 (dropped block) {| 1, 1, 1, 1, 1, 1}
        RelativeSparsity.Stats stream = r.groups().get("layer1.stream");
        assertEquals(new RelativeSparsity.Stats(6, 9.0 / 6, 9, 10.0 / 9), stream);
        assertEquals((10.0 / 9) / 1.5, stream.ratio());
        // layer1.0.conv1: channel 0 {3, 2, 1}, channel 1 {-1, 0, 1}
        assertEquals(new RelativeSparsity.Stats(3, 2.0, 3, 2.0 / 3), r.groups().get("layer1.0.conv1"));
        // layer1.1.conv1 belongs to the dropped block: all six 0.5 dropped, no kept weight
        RelativeSparsity.Stats gone = r.groups().get("layer1.1.conv1");
        assertEquals(new RelativeSparsity.Stats(0, Double.NaN, 6, 0.5), gone);
        assertEquals(Double.NaN, gone.ratio());
        // overall: kept 9 weights of sum 15, dropped 18 of sum 10 + 2 + 3
        assertEquals(new RelativeSparsity.Stats(9, 15.0 / 9, 18, 15.0 / 18), r.overall());
        assertEquals(0.5, r.overall().ratio(), 1e-15);
        assertEquals(List.of("layer1.0.conv1", "layer1.1.conv1", "layer1.stream"), List.copyOf(r.groups().keySet()));
    }

    @Test
    void theFullArchDropsNothing() {
        Architecture mini = Nets.mini();
        Map<String, float[]> w = Nets.miniWeights();
        RelativeSparsity r = RelativeSparsity.of(mini, ChannelOrder.of(mini, Importance.L1, w::get), Arch.full(mini),
                w::get);
        // 3 + 6 + 6 stream weights, 6 + 6 inner: |.| sums 6 + 7 + 6 = 19 and 8 + 3
        assertEquals(new RelativeSparsity.Stats(27, 30.0 / 27, 0, Double.NaN), r.overall());
    }

    @Test
    void theTrainedRatioIsReportedNextToTheUntrainedOnesForOneArchAndOrder() {
        Architecture mini = Nets.mini();
        Map<String, float[]> trained = Nets.miniWeights();
        // an "untrained" network whose weights are all of magnitude 1: no order can make its dropped part smaller
        Map<String, float[]> untrained = new java.util.HashMap<>();
        trained.forEach((k, v) -> untrained.put(k, filled(v.length)));
        Arch arch = new Arch(List.of(1), List.of(0.5), List.of(0.5, 0.5));
        // the fixed prefix keeps stream channels 0, 1 and inner channel 0, as the L1 order of the test above does
        RelativeSparsity.Paired p = RelativeSparsity.paired(mini, ChannelOrder.identity(mini), arch, trained::get,
                untrained::get);
        assertEquals(0.5, p.trained().overall().ratio(), 1e-15);
        assertEquals(1.0, p.untrained().overall().ratio());
        assertEquals(0.5, p.relativeToUntrained(), 1e-15);
        assertEquals(new RelativeSparsity.Stats(9, 1.0, 18, 1.0), p.untrained().overall());
    }

    private static float[] filled(int n) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, -1f);
        return out;
    }
}
