package org.prunesh.results;

import org.prunesh.ops.model.Flops;
import org.prunesh.ops.train.Divergence;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.Trainer;

import java.util.List;

/**
 * {@code summary.json}: the final numbers of a run, as the run executor writes them ({@link RunReader}
 * reads them back, leniently: runs written before a field existed still read).
 *
 * @param macs       multiply-accumulates per image of the dense network (conv and dense layers)
 * @param flops      the same under the masks (each layer's MACs times its active fraction); named
 *                   {@code flops} as pruning papers report it, counted in MACs
 * @param diverged   the run stopped on a non-finite loss or weight; its test accuracy and loss are
 *                   then NaN (written "NaN"), so that no reader takes them for a result
 * @param divergence where and why it stopped, or null
 */
public record RunSummary(String name, double testAccuracy, double testLoss, double sparsityPrunable, double sparsityAll,
                  long paramsTotal, long paramsPrunable, long paramsPrunableActive, long steps, int epochsCompleted,
                  double wallSeconds, boolean cancelled, boolean diverged, Divergence divergence, long macs, long flops,
                  List<LayerTable.Row> layers) {

    /** The line of {@code metrics.jsonl} that marks where a diverged run stopped; readers skip it as an epoch. */
    public record DivergenceLine(boolean diverged, int epoch, long step, String what, double lastFiniteLoss,
                                 long lastFiniteStep, double lr, String message) {

        public static DivergenceLine of(Divergence d) {
            return new DivergenceLine(true, d.epoch(), d.step(), d.what(), d.lastFiniteLoss(), d.lastFiniteStep(),
                    d.lr(), d.message());
        }
    }

    public static RunSummary of(String name, Trainer.Result r, LayerTable t, Flops.Report f) {
        EpochMetrics last = r.epochs().isEmpty() || r.diverged() ? null : r.epochs().get(r.epochs().size() - 1);
        return new RunSummary(name,
                last == null ? Double.NaN : last.testAccuracy(),
                last == null ? Double.NaN : last.testLoss(),
                t.sparsityOverPrunable(), t.sparsityOverAll(), t.allTotal(), t.prunableTotal(), t.prunableActive(),
                r.steps(), r.epochs().size(), r.seconds(), r.cancelled(), r.diverged(), r.divergence(),
                f.macs(), f.effectiveMacs(), t.rows());
    }
}
