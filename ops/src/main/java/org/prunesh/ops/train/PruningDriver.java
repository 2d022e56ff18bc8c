package org.prunesh.ops.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.model.ChannelCoupling;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.prune.Distribution;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.MaskSelector;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Score;
import org.prunesh.ops.prune.SelectionContext;
import org.prunesh.ops.prune.SparseInit;
import org.prunesh.ops.prune.Stage;
import org.prunesh.ops.prune.TensorState;
import org.prunesh.ops.prune.regrow.RegrowthStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pruning side of a training run, one optimizer step at a time: feeds criteria that watch
 * every step, prunes at scheduled steps, prunes-and-regrows at regrowth steps, and keeps the
 * masks applied. The order within a step is observe, prune, regrow, apply.
 */
final class PruningDriver {

    private final Network net;
    private final PruningPlan plan;
    /** The plan's request, with channel granularity coupled along the network's channel groups. */
    private final PruneRequest request;
    /** The network's channel groups when pruning whole channels, else null. */
    private final ChannelCoupling coupling;
    private final MaskState masks;
    private final long seed;
    private final boolean observing;
    private final long windowStart;
    private final long windowEnd;
    private Map<String, float[]> selectionGradients = Map.of();

    PruningDriver(Network net, PruningPlan plan, MaskState masks, long seed) {
        this.net = net;
        this.plan = plan;
        this.masks = masks;
        boolean channels = plan.request().granularity() instanceof Granularity.Channel;
        this.coupling = channels ? ChannelCoupling.of(net) : null;
        this.request = channels ? plan.request().coupledAs(coupling.prunableWeights(plan.prunable())) : plan.request();
        this.seed = seed;
        this.observing = plan.selection().stages().stream().anyMatch(s -> s.score().observesEveryStep());
        List<Long> steps = plan.schedule().pruningSteps();
        this.windowStart = steps.isEmpty() ? 0 : steps.get(0);
        this.windowEnd = steps.isEmpty() ? 0 : steps.get(steps.size() - 1);
    }

    /** Whether the step about to complete needs its raw gradients captured. */
    boolean needsGradientsAt(long step) {
        return observing
                || (plan.schedule().isPruningStep(step) && plan.selection().needsGradient())
                || (plan.regrowth() != null && plan.regrowth().isRegrowStep(step));
    }

    /**
     * Whether the step about to complete reads a weight, gradient or mask by index after its update
     * (pruning, regrowth, observing criteria; channel coupling on every step): it runs with the
     * weights plain ({@link LayoutWindow}).
     */
    boolean indexesWeightsAt(long step) {
        return coupling != null || needsGradientsAt(step) || plan.schedule().isPruningStep(step);
    }

    /** Whether the weights before the update must be captured too (criteria that accumulate w·g). */
    boolean needsWeightsBeforeUpdate() {
        return observing;
    }

    boolean prunesAtStart() {
        return plan.init() != null || plan.schedule().isPruningStep(0);
    }

    /** Before the first step: the sparse initial masks, then the schedule's step-0 pruning. */
    void start(Map<String, INDArray> firstBatchGradients) {
        if (plan.init() != null) {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (String name : plan.prunable()) shapes.put(name, net.array(name).shape());
            double s = plan.init().sparsity();
            masks.update(plan.init().kind() == SparseInitSpec.Kind.ERK
                    ? SparseInit.bernoulli(shapes, Distribution.erk(shapes, s, request.bounds()), seed)
                    : SparseInit.uniform(shapes, s, seed));
        }
        if (plan.schedule().isPruningStep(0)) prune(0, firstBatchGradients);
        applyMasks();
    }

    /**
     * After the update that completed {@code step}.
     *
     * @param gradients raw mini-batch gradients of that step, when {@link #needsGradientsAt} asked
     * @param before    the prunable weights before the update, when {@link #needsWeightsBeforeUpdate}
     * @return whether the masks may have changed
     */
    boolean afterStep(long step, Map<String, INDArray> gradients, Map<String, INDArray> before) {
        if (observing && gradients != null && before != null) {
            List<TensorState> states = masks.tensorStates(before, gradients);
            for (Stage stage : plan.selection().stages()) {
                Score score = stage.score();
                if (score.observesEveryStep()) states.forEach(score::observe);
            }
        }
        boolean pruned = plan.schedule().isPruningStep(step);
        boolean regrown = plan.regrowth() != null && plan.regrowth().isRegrowStep(step);
        if (pruned) prune(step, gradients);
        if (regrown) regrow(step, gradients);
        applyMasks();
        return pruned || regrown;
    }

    /** Zeroes the pruned weights and, when whole channels are pruned, what follows a removed channel. */
    private void applyMasks() {
        masks.apply(net);
        if (coupling != null) coupling.zeroFollowers(net, masks.masks());
    }

    /** What the criteria carry across steps, as {@code stage<i>/<key>}, for checkpoints. */
    Map<String, double[]> criteriaState() {
        Map<String, double[]> out = new LinkedHashMap<>();
        List<Stage> stages = plan.selection().stages();
        for (int i = 0; i < stages.size(); i++) {
            String prefix = "stage" + i + "/";
            stages.get(i).score().state().forEach((k, v) -> out.put(prefix + k, v));
        }
        return out;
    }

    void restoreCriteria(Map<String, double[]> saved) {
        List<Stage> stages = plan.selection().stages();
        for (int i = 0; i < stages.size(); i++) {
            String prefix = "stage" + i + "/";
            Map<String, double[]> mine = new LinkedHashMap<>();
            saved.forEach((k, v) -> {
                if (k.startsWith(prefix)) mine.put(k.substring(prefix.length()), v);
            });
            stages.get(i).score().restore(mine);
        }
    }

    /** Gradients the last selection used, per tensor in C order; empty when none was needed. */
    Map<String, float[]> selectionGradients() {
        return selectionGradients;
    }

    private void prune(long step, Map<String, INDArray> gradients) {
        double target = plan.prunableTarget(step);
        if (target > 1) {
            throw new IllegalStateException("target " + plan.schedule().targetAt(step) + " over all parameters needs "
                    + target + " of the prunable ones");
        }
        List<TensorState> states = masks.tensorStates(net, gradients);
        if (gradients != null) {
            Map<String, float[]> used = new LinkedHashMap<>();
            for (TensorState t : states) if (t.gradients() != null) used.put(t.name(), t.gradients());
            selectionGradients = used;
        }
        masks.update(MaskSelector.select(states, target, request, new SelectionContext(step, progress(step))));
    }

    /** Drop and regrow at the annealed fraction; optimizer state of dropped and new weights restarts. */
    private void regrow(long step, Map<String, INDArray> gradients) {
        if (gradients == null) throw new IllegalStateException("regrowth at step " + step + " has no gradients");
        RegrowthStep.Result r = RegrowthStep.apply(masks.tensorStates(net, gradients), plan.regrowth().fractionAt(step));
        masks.update(r.masks());
        for (RegrowthStep.TensorRegrowth t : r.tensors()) {
            OptimizerStates.clear(net.graph(), t.name(), t.stateKeep());
        }
    }

    /** How far through the pruning window {@code step} lies, for annealed pools. */
    private double progress(long step) {
        if (windowEnd <= windowStart) return 1;
        return Math.min(1, Math.max(0, (double) (step - windowStart) / (windowEnd - windowStart)));
    }
}
