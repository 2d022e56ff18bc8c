package org.prunesh.ops.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.prunesh.ops.model.samediff.UpdatePasses;

import java.util.Map;
import java.util.Objects;

/**
 * SGD with heavy-ball or Nesterov momentum in PyTorch's formulation
 * (buf = μ·buf + g; step = lr·buf, or lr·(g + μ·buf) with Nesterov), so that results compare
 * with PyTorch recipes. ND4J ships only its own Nesterov variant and no plain momentum.
 */
public final class SgdMomentum implements IUpdater {

    static final String STATE = "momentum";

    private final CurrentLr lr;
    private final double momentum;
    private final boolean nesterov;

    public SgdMomentum(double lr, double momentum, boolean nesterov) {
        this(new CurrentLr(lr), momentum, nesterov);
    }

    /** The trainer changes {@code lr} between steps for learning-rate schedules. */
    SgdMomentum(CurrentLr lr, double momentum, boolean nesterov) {
        this.lr = lr;
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<SgdMomentum> instantiate(INDArray viewArray, boolean initialize) {
        if (initialize) viewArray.assign(0);
        return new Updater(this, viewArray);
    }

    @Override
    public GradientUpdater<SgdMomentum> instantiate(Map<String, INDArray> state, boolean initialize) {
        INDArray buf = state.get(STATE);
        if (initialize) buf.assign(0);
        return new Updater(this, buf);
    }

    @Override
    public IUpdater clone() {
        return new SgdMomentum(lr, momentum, nesterov);  // shares the rate holder on purpose
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return lr.get();
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule schedule) {
        if (schedule != null) {
            throw new IllegalArgumentException("SgdMomentum takes its learning rate from the trainer, not an ISchedule");
        }
        this.lr.set(lr);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SgdMomentum s && s.lr.get() == lr.get() && s.momentum == momentum && s.nesterov == nesterov;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr.get(), momentum, nesterov);
    }

    /** Turns the raw gradient, in place, into the step that SameDiff subtracts from the weights. */
    private static final class Updater implements GradientUpdater<SgdMomentum> {
        private final SgdMomentum config;
        private INDArray buf;

        Updater(SgdMomentum config, INDArray buf) {
            this.config = config;
            this.buf = buf;
        }

        @Override
        public SgdMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            buf = state.get(STATE);
            if (initialize) buf.assign(0);
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(STATE, buf);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char order, boolean initialize) {
            buf = viewArray;
            if (initialize) buf.assign(0);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            if (UpdatePasses.momentum(gradient, buf, config.momentum, config.lr.get(), config.nesterov)) return;
            INDArray g = gradient.reshape(buf.shape());
            // buf starts at zero, so the first step gives buf = g exactly as PyTorch's clone does.
            buf.muli(config.momentum).addi(g);
            if (config.nesterov) {
                InPlace.addScaled(g, buf, config.momentum);
            } else {
                g.assign(buf);
            }
            g.muli(config.lr.get());
        }
    }
}
