package org.prunesh.interpreter.exec;

import org.prunesh.results.LayerTable;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.run.RunDirectory;
import org.prunesh.ops.train.Checkpoint;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.Evaluator;
import org.prunesh.ops.train.MaskState;
import org.prunesh.ops.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code save "name"} and {@code load "name"}: the current model kept in {@code runs/saved/name/}
 * as {@code model.json} (model, input shape, classes, data, prunable tensors) and
 * {@code checkpoint.bin} (weights, batch-norm statistics, masks, optimizer state). Written to a
 * temporary directory and moved into place, so a saved model is whole or absent.
 */
final class ModelStore {

    /** model.json; typed fields so that the model and data kinds are recorded. */
    record SavedModel(ModelSpec spec, long[] sampleShape, int classes, double labelSmoothing, DataSpec data,
                      List<String> prunable, String from) {
    }

    private final Path runsDir, root;
    private final DataCache dataCache;

    ModelStore(Path runsDir, DataCache dataCache) {
        this.runsDir = runsDir;
        this.root = runsDir.resolve("saved");
        this.dataCache = dataCache;
    }

    Path save(String name, RunRecord run, DataSpec data) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(name);
        Path tmp = Files.createTempDirectory(root, "." + name + "-");
        Network net = run.network();
        SavedModel model = new SavedModel(net.spec(), net.sampleShape(), net.classes(), net.labelSmoothing(), data,
                run.result().masks().names(), run.name());
        Files.writeString(tmp.resolve("model.json"), RunDirectory.JSON.writeValueAsString(model) + "\n");
        Checkpoint.of(net, run.result().masks(), run.result()).write(tmp.resolve(RunDirectory.CHECKPOINT));
        if (Files.exists(target)) {
            try (var files = Files.list(target)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(target);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * Saves a network cut from {@code source} and evaluated once (an STP subnet, a channel cut) under
     * {@code name}, as a run in {@code dir} whose one "epoch" is that evaluation, so that later
     * statements can load it.
     */
    void saveEvaluated(String name, Path dir, Network small, RunRecord source, Evaluator.Result test, double seconds,
                       DataSpec data) throws IOException {
        Trainer.Result result = new Trainer.Result(List.of(new EpochMetrics(0, 0, Double.NaN, test.loss(),
                test.accuracy(), 0, 0, seconds)), MaskState.dense(small, List.of()), 0, seconds, false, Map.of());
        save(RunDirectory.sanitise(name), new RunRecord(name, dir, small, source.data(), result,
                LayerTable.of(small, result.masks())), data);
    }

    /**
     * What a cut-out network's summary.json holds whatever cut it (an STP subnet, a channel cut):
     * callers add their own fields and then {@code seconds}.
     */
    static Map<String, Object> cutSummary(String name, String kind, RunRecord source, Evaluator.Result test, long macs,
                                          long fullMacs, long params) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("kind", kind);
        summary.put("source_run", source.name());
        summary.put("test_accuracy", test.accuracy());
        summary.put("test_loss", test.loss());
        summary.put("macs", macs);
        summary.put("full_macs", fullMacs);
        summary.put("macs_fraction", (double) macs / fullMacs);
        summary.put("params", params);
        summary.put("full_params", source.network().parameterCount());
        return summary;
    }

    /**
     * A network cut from {@code source} as a run directory of its own, {@code summary} its
     * summary.json and {@code files} beside it, and saved under its name so that later statements
     * can load it ({@link #saveEvaluated}); returns the directory.
     */
    Path saveCut(String name, Map<String, Object> summary, Map<String, String> files, Network small, RunRecord source,
                 Evaluator.Result test, double seconds, DataSpec data) throws StatementError {
        try (RunDirectory dir = RunDirectory.create(runsDir, name, LocalDateTime.now())) {
            dir.writeJson(RunDirectory.SUMMARY, summary);
            for (Map.Entry<String, String> file : files.entrySet()) dir.writeText(file.getKey(), file.getValue());
            saveEvaluated(name, dir.path(), small, source, test, seconds, data);
            return dir.path();
        } catch (IOException e) {
            throw new StatementError(null, "cannot save the extracted network '" + name + "': " + e.getMessage(), e);
        }
    }

    RunRecord load(String name) throws IOException {
        Path dir = root.resolve(name);
        if (!Files.exists(dir.resolve("model.json"))) {
            throw new NoSuchFileException(dir.toString(), null, "no saved model of that name");
        }
        SavedModel model = RunDirectory.JSON.readValue(dir.resolve("model.json").toFile(), SavedModel.class);
        Network net = Models.build(model.spec(), model.sampleShape(), model.classes(), 0, model.labelSmoothing());
        Trainer.Result result = Checkpoint.read(dir.resolve(RunDirectory.CHECKPOINT)).restoreInto(net, model.prunable());
        Dataset data = dataCache.load(model.data());
        return new RunRecord(name, dir, net, data, result, LayerTable.of(net, result.masks()));
    }
}
