package org.prunesh.ops.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.prunesh.ops.model.Network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moves a training run's state between a live graph and a {@link Checkpoint}. */
final class TrainerState {

    private TrainerState() {
    }

    static Checkpoint capture(Network net, MaskState masks, int epochsDone, long step, double seconds,
                              List<EpochMetrics> finished, Map<String, double[]> states,
                              Checkpoint.InEpoch inEpoch) {
        SameDiff sd = net.graph();
        Map<String, INDArray> variables = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
                INDArray arr = v.getArr();
                if (arr != null) variables.put(v.name(), arr.dup());
            }
        }
        Map<String, INDArray> maskCopies = new LinkedHashMap<>();
        for (String name : masks.names()) maskCopies.put(name, masks.mask(name).dup());
        Map<String, Map<String, INDArray>> optimizer = new LinkedHashMap<>();
        if (sd.getUpdaterMap() != null) {
            for (Map.Entry<String, GradientUpdater> e : sd.getUpdaterMap().entrySet()) {
                Map<String, INDArray> state = new LinkedHashMap<>();
                Map<String, INDArray> live = e.getValue().getState();
                if (live != null) live.forEach((k, a) -> state.put(k, a.dup()));
                optimizer.put(e.getKey(), state);
            }
        }
        return new Checkpoint(epochsDone, step, seconds, variables, maskCopies, optimizer, states, List.copyOf(finished),
                inEpoch);
    }

    /** Restores {@code c} into a freshly built graph of the same model that has its training config set. */
    static void restore(Network net, MaskState masks, Checkpoint c) {
        SameDiff sd = net.graph();
        restoreVariables(net, c);
        masks.restore(c.masks());
        SessionStepper.initializeTraining(sd);
        for (Map.Entry<String, Map<String, INDArray>> e : c.optimizer().entrySet()) {
            GradientUpdater updater = sd.getUpdaterMap().get(e.getKey());
            if (updater == null) {
                throw new IllegalStateException("checkpoint has optimizer state for '" + e.getKey() + "', which is not trained here");
            }
            Map<String, INDArray> live = updater.getState();
            e.getValue().forEach((k, a) -> live.get(k).assign(a));
        }
    }

    /** Every saved variable (weights, statistics) into the same-named variable of {@code net}. */
    static void restoreVariables(Network net, Checkpoint c) {
        for (Map.Entry<String, INDArray> e : c.variables().entrySet()) {
            SDVariable v = net.graph().getVariable(e.getKey());
            if (v == null || v.getArr() == null) {
                throw new IllegalStateException("checkpoint holds '" + e.getKey() + "', which this model does not have");
            }
            v.getArr().assign(e.getValue());
        }
    }
}
