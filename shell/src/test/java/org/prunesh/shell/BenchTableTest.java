package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.prunesh.bench.JitSettle;
import org.prunesh.bench.SelectionBench;
import org.prunesh.bench.Spread;
import org.prunesh.bench.StepProfile;
import org.prunesh.bench.TrainingBench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchTableTest {

    private static final double NAN = Double.NaN;

    private static TrainingBench.Result result(String model, double peer, TrainingBench.CpuUse cpu) {
        return result(model, peer, cpu, new TrainingBench.WarmUp(41.25, new JitSettle.Outcome(36.25, 2.5, true, 0.0875, 0.0625), 0.012));
    }

    private static TrainingBench.Result result(String model, double peer, TrainingBench.CpuUse cpu,
                                               TrainingBench.WarmUp warmUp) {
        return new TrainingBench.Result(model, 128, 0.9, new Spread(410.0, 420.0, 430.0), new Spread(380.0, 400.0, 405.5),
                new Spread(-0.01, 0.05, 0.0725), Double.isNaN(peer) ? Spread.NONE : new Spread(peer - 50, peer, peer + 25),
                Double.isNaN(peer) ? Spread.NONE : new Spread(0.7, 0.8, 0.85), cpu, 5, 10, warmUp);
    }

    @Test
    void withoutAPeerTheTableHasOursOnly() {
        String table = BenchTable.training(List.of(result("lenet5 w1", NAN, new TrainingBench.CpuUse(1.9, NAN, NAN, NAN))),
                "torch");
        assertEquals("""
                model            batch sparsity dense img/s masked img/s  overhead
                lenet5 w1          128      90%       420.0        400.0    +5.00%
                """, table);
    }

    @Test
    void withAPeerEachModelGetsItsRateAndTheRatioOrDashes() {
        String table = BenchTable.training(List.of(
                result("resnet20 w1", 500.0, new TrainingBench.CpuUse(1.95, 0.01, 0.02, 1.8)),
                result("resnet50 w1", NAN, new TrainingBench.CpuUse(1.9, NAN, NAN, NAN))), "torch");
        assertEquals("""
                model            batch sparsity dense img/s masked img/s  overhead torch img/s ours/torch
                resnet20 w1        128      90%       420.0        400.0    +5.00%       500.0       0.80
                resnet50 w1        128      90%       420.0        400.0    +5.00%           -          -
                """, table);
    }

    @Test
    void theSpreadTableGivesMinMedianMaxOfOursThePeersAndTheRatio() {
        String table = BenchTable.spread(List.of(
                result("resnet20 w1", 500.0, new TrainingBench.CpuUse(1.95, 0.01, 0.02, 1.8)),
                result("resnet50 w1", NAN, new TrainingBench.CpuUse(1.9, NAN, NAN, NAN))), "torch");
        assertEquals("""
                min/median/max                masked img/s                   overhead               torch img/s           ours/torch
                resnet20 w1          380.0 / 400.0 / 405.5     -1.00 / +5.00 / +7.25%     450.0 / 500.0 / 525.0   0.70 / 0.80 / 0.85
                resnet50 w1          380.0 / 400.0 / 405.5     -1.00 / +5.00 / +7.25%                         -                    -
                """, table);
        assertEquals("""
                min/median/max                masked img/s                   overhead
                resnet50 w1          380.0 / 400.0 / 405.5     -1.00 / +5.00 / +7.25%
                """, BenchTable.spread(List.of(result("resnet50 w1", NAN, new TrainingBench.CpuUse(1.9, NAN, NAN, NAN))),
                "torch"));
    }

    @Test
    void theCpuTableListsModelsThatHadAPeer() {
        String table = BenchTable.cpu(List.of(
                result("resnet20 w1", 500.0, new TrainingBench.CpuUse(1.95, 0.01, 0.02, 1.8)),
                result("resnet50 w1", NAN, new TrainingBench.CpuUse(1.9, NAN, NAN, NAN))), "torch");
        assertEquals("""
                cores busy               while ours ran        while torch ran
                                        ours      torch        ours      torch
                resnet20 w1             1.95       0.01        0.02       1.80
                """, table);
    }

    @Test
    void theWarmUpTableGivesEveryModelsWaitAndWhatTheJitCompiledDuringTheRounds() {
        String table = BenchTable.warmUp(List.of(
                result("resnet20 w1", 500.0, new TrainingBench.CpuUse(1.95, 0.01, 0.02, 1.8)),
                result("resnet50 w1", NAN, new TrainingBench.CpuUse(1.9, NAN, NAN, NAN),
                        new TrainingBench.WarmUp(125.5, new JitSettle.Outcome(0, 0, false, Double.NaN, Double.NaN), 1.5))));
        assertEquals("""
                warm-up             ours s  JIT settled   ms/step first / last  compiling s
                resnet20 w1           41.3          yes            87.5 / 62.5        0.012
                resnet50 w1          125.5           no                      -        1.500
                """, table);
    }

    @Test
    void theSelectionLinesGiveBothTimesAndTheirRatiosToThePass() {
        SelectionBench.Result r = new SelectionBench.Result(25_502_912, 54, 0.3, 7_650_874, 0.9, 1.5, 0.3, 5, 1.75, 12);
        assertEquals("""
                selection: gradient ratio 0.5 then magnitude, global, over ResNet-50's 25,502,912 prunable weights \
                (54 tensors), dense to 30% (7,650,874 pruned); medians of 5 after 12 untimed rounds
                  streaming pass (sum |w| + |g|)          0.300 s
                  selection (MaskSelector)                0.900 s   3.00x the pass
                  pruning step (copy out, select, set)    1.500 s   5.00x the pass
                  the JVM's first selection (not yet compiled by the JIT) 1.750 s
                """, BenchTable.selection(r, "ResNet-50"));
    }

    @Test
    void theProfileGivesEachPartOfBothStepsTheirRatioAndTheSlowestOps() {
        Map<StepProfile.Part, Double> ours = new EnumMap<>(StepProfile.Part.class);
        Map<StepProfile.Part, Double> theirs = new EnumMap<>(StepProfile.Part.class);
        for (StepProfile.Part p : StepProfile.Part.values()) {
            ours.put(p, 1.0);
            theirs.put(p, 0.5);
        }
        ours.put(StepProfile.Part.CONVOLUTION, 120.0);
        theirs.put(StepProfile.Part.CONVOLUTION, 96.0);
        theirs.put(StepProfile.Part.POOLING, 0.0);
        StepProfile.Result r = new StepProfile.Result("resnet20 w0.5", 128, 0.9, 16,
                new StepProfile.Side(140, 129, ours, List.of(new StepProfile.Op("conv2d_bp", 20, 80),
                        new StepProfile.Op("conv2d", 22, 40), new StepProfile.Op("add", 0.5, 0.25))),
                new StepProfile.Side(110, 100.5, theirs, List.of(new StepProfile.Op("aten::convolution_backward", 21, 60))));
        assertEquals("""
                profile of resnet20 w0.5, batch 128, 90% masked: ms per step over 16 steps (ours: wall time per graph op; \
                torch: torch.profiler's self CPU time per op)
                part                               ours    torch  ours/torch
                convolution                      120.00    96.00        1.25
                batch norm (+ReLU)                 1.00     0.50        2.00
                ReLU                               1.00     0.50        2.00
                pooling                            1.00     0.00           -
                linear                             1.00     0.50        2.00
                loss                               1.00     0.50        2.00
                other ops                          1.00     0.50        2.00
                optimizer update                   1.00     0.50        2.00
                masks re-applied                   1.00     0.50        2.00
                framework (rest of the step)       1.00     0.50        2.00
                step, profiled                   129.00   100.50        1.28
                step, not profiled               140.00   110.00        1.27
                  slowest ops of ours (calls x ms per step): conv2d_bp 20 x 80.00, conv2d 22 x 40.00, add 0.50 x 0.25
                  slowest ops of torch (calls x ms per step): aten::convolution_backward 21 x 60.00
                """, BenchTable.profile(r, "torch"));
    }
}
