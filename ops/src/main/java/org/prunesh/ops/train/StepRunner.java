package org.prunesh.ops.train;

import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.prunesh.ops.model.Network;

import java.util.Map;
import java.util.Set;

/**
 * Optimizer steps taken exactly as the trainer takes them (its {@link SessionStepper} with its
 * {@link PruningListener}, masks re-applied after every update while masking is on), without a
 * {@link Trainer} around them: what a benchmark of the training step measures. No weight decay, no
 * gradient capture, no pruning.
 */
public final class StepRunner implements PruningListener.StepHooks, AutoCloseable {

    private final Network net;
    private final MaskState masks;
    private final SessionStepper session;
    private final PruningListener listener;
    private final LayoutWindow layouts;
    private boolean masking;
    private OpTimes times;

    /** Sets {@code net}'s training configuration to {@code updater} on its input and label. */
    public StepRunner(Network net, MaskState masks, IUpdater updater) {
        this.net = net;
        this.masks = masks;
        net.graph().setTrainingConfig(new TrainingConfig.Builder()
                .updater(updater)
                .dataSetFeatureMapping(Network.INPUT).dataSetLabelMapping(Network.LABEL).build());
        this.session = new SessionStepper(net.graph());
        this.listener = new PruningListener(this, Set.of(), Network.LOGITS, 0, Set.of(), 0, 0);
        this.layouts = new LayoutWindow(net, masks);
    }

    /** Whether the masks are re-applied after each following update. */
    public void masking(boolean on) {
        masking = on;
    }

    public boolean masking() {
        return masking;
    }

    /** Times the following steps per op into {@code into}, masking included; null stops timing. */
    public void timeOps(OpTimes into) {
        times = into;
        session.timeOps(into);
    }

    /** Why steps run through SameDiff's session rather than replay the first ({@link StepPlan}), or null. */
    public String sessionReason() {
        return session.replaying() ? null : session.refusal() != null ? session.refusal() : "no step taken yet";
    }

    /**
     * Takes {@code n} steps on {@code data}; returns their wall-clock seconds. From the second step
     * on, the weights are held in oneDNN's layout, as the trainer holds them between pruning steps
     * ({@link LayoutWindow}), until {@link #close}.
     */
    public double steps(DataSet data, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            layouts.enter();
            session.step(data, listener.step(), listener);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Puts the weights, masks and optimizer state back into their plain layout. */
    @Override
    public void close() {
        layouts.exit();
    }

    @Override
    public boolean needsGradientsAt(long step) {
        return false;
    }

    @Override
    public boolean needsWeightsBeforeUpdate() {
        return false;
    }

    @Override
    public void afterStep(long step, double loss, Map<String, INDArray> gradients, Map<String, INDArray> before) {
        if (!masking) return;
        long start = System.nanoTime();
        masks.apply(net);
        if (times != null) times.extra(System.nanoTime() - start);
    }
}
