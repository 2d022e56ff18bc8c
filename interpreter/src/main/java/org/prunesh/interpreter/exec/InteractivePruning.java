package org.prunesh.interpreter.exec;

import org.prunesh.results.LayerTable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.prunesh.interpreter.SessionListener;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.data.ShuffledBatches;
import org.prunesh.ops.io.ExportedTensor;
import org.prunesh.ops.io.TensorExport;
import org.prunesh.ops.model.ChannelCoupling;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.MaskSelector;
import org.prunesh.ops.prune.PruneRequest;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.SelectionContext;
import org.prunesh.ops.prune.TensorState;
import org.prunesh.ops.train.MaskState;
import org.prunesh.ops.train.Trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code prune now} and {@code export tensors}: pruning and inspecting the current model outside a
 * training run. The current model is the last run's (or last {@code prune now}'s) network when it
 * is of the session's model kind, else a freshly initialised one.
 */
final class InteractivePruning {

    private final DataCache dataCache;
    private final WritePolicy writes;
    private final SessionListener listener;

    InteractivePruning(DataCache dataCache, WritePolicy writes, SessionListener listener) {
        this.dataCache = dataCache;
        this.writes = writes;
        this.listener = listener;
    }

    /**
     * Prunes a copy of the current model toward the target in one step. Gradient criteria use the
     * loss gradient of one mini-batch of training data: the first batch of epoch 0 in the session
     * seed's order, at the current weights. Masks already in place are kept (pruned weights stay pruned).
     */
    RunRecord pruneNow(Step.PruneNow stmt, SessionState s) throws StatementError {
        Dataset data;
        try {
            data = dataCache.load(s.data());
        } catch (IOException e) {
            throw new StatementError(stmt.span(), "cannot load data: " + e.getMessage(), e);
        }
        RunRecord last = s.lastRun();
        boolean continuing = last != null && last.network().spec().equals(s.model());
        Network net = continuing ? Models.copyOf(last.network())
                : Models.build(s.model(), data.sampleShape(), data.numClasses(), s.seed(), s.train().labelSmoothing());
        List<String> prunable = continuing ? last.result().masks().names()
                : s.pruning().exclusions().prunable(net.params()).stream().map(ParamInfo::name).toList();
        MaskState masks = MaskState.dense(net, prunable);
        if (continuing) masks.restore(masksOf(last.result().masks()));

        PruningState p = s.pruning();
        Selection selection = stmt.selection().build(s.seed());
        PruneRequest request = stmt.scope() == null
                ? new PruneRequest(selection, p.scope(), p.granularity(), p.bounds())
                : new PruneRequest(selection, stmt.scope(), p.granularity(), stmt.bounds());
        // Whole channels go together along the network's coupled groups (a residual stream's convolutions).
        ChannelCoupling coupling = ChannelCoupling.of(net);
        request = request.coupledAs(coupling.prunableWeights(prunable));
        Map<String, INDArray> gradients = selection.needsGradient() ? oneBatchGradients(net, data, s, prunable) : null;
        List<TensorState> states = masks.tensorStates(net, gradients);
        try {
            masks.update(MaskSelector.select(states, stmt.target(), request, new SelectionContext(0, 1)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StatementError(stmt.span(), "prune now: " + e.getMessage(), e);
        }
        masks.apply(net);
        if (request.granularity() instanceof Granularity.Channel) coupling.zeroFollowers(net, masks.masks());

        Map<String, float[]> used = new LinkedHashMap<>();
        for (TensorState t : states) if (t.gradients() != null) used.put(t.name(), t.gradients());
        Trainer.Result result = new Trainer.Result(continuing ? last.result().epochs() : List.of(), masks,
                continuing ? last.result().steps() : 0, 0, false, used);
        LayerTable layers = LayerTable.of(net, masks);
        listener.output(String.format("pruned %s to %.2f%% of prunable weights (%.2f%% of all) by %s%n",
                continuing ? "'" + last.name() + "'" : "the freshly initialised " + s.model().name(),
                100 * layers.sparsityOverPrunable(), 100 * layers.sparsityOverAll(), selection.describe()));
        return new RunRecord("prune-now", continuing ? last.directory() : null, net, data, result, layers);
    }

    /** Where an export writes; a script error when that is outside what the script may write. */
    Path target(org.prunesh.interpreter.ast.Str dir) throws StatementError {
        return writes.resolve(dir, "export tensors");
    }

    /** Writes the run's tensors; returns what to tell the user. */
    String export(Step.Export stmt, RunRecord run) throws StatementError {
        Path dir = stmt.dir();
        List<ExportedTensor> tensors = new ArrayList<>();
        MaskState masks = run.result().masks();
        Map<String, float[]> gradients = run.result().selectionGradients();
        for (TensorState t : masks.tensorStates(run.network(), null)) {
            tensors.add(new ExportedTensor(t.name(), t.shape(), t.weights(), t.mask(), gradients.get(t.name())));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("run", run.name());
        meta.put("model", run.network().spec());
        meta.put("layout", "weights as stored: dense [in, out], conv [kH, kW, in, out]; masks true = kept");
        meta.put("gradient", "the raw mini-batch loss gradient the last pruning step ranked by (absent if none)");
        try {
            TensorExport.write(dir, tensors, meta);
        } catch (IOException | UncheckedIOException e) {
            throw new StatementError(stmt.span(), "cannot export to " + dir + ": " + e.getMessage(), e);
        }
        return "exported " + tensors.size() + " tensors (weight, mask" + (gradients.isEmpty() ? "" : ", grad")
                + " .npy files and index.json) to " + dir;
    }

    private static Map<String, INDArray> oneBatchGradients(Network net, Dataset data, SessionState s, List<String> names) {
        ShuffledBatches batches = new ShuffledBatches(data.trainX(), data.trainY(), s.train().batch(), s.seed(), true);
        DataSet first = batches.next();
        // a copy: calculateGradients on a graph that is trained later disturbs its training (M2.1)
        return Models.copyOf(net).graph().calculateGradients(
                Map.of(Network.INPUT, first.getFeatures(), Network.LABEL, first.getLabels()), names);
    }

    private static Map<String, INDArray> masksOf(MaskState m) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : m.names()) out.put(name, m.mask(name));
        return out;
    }
}
