package org.prunesh.ops.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to continue a run after any optimizer step as if it had never stopped: every
 * variable of the graph (weights and any statistics such as batch-norm running means), the masks,
 * the optimizer state, the step, the epochs already measured and, when the run stopped inside an
 * epoch, where in that epoch ({@link InEpoch}). The data order and augmentation need no state:
 * they are pure functions of (seed, epoch, batch). Stored as one binary file written under a
 * temporary name and renamed, so a crash leaves the previous checkpoint intact.
 *
 * @param states  state the pruning criteria carry across steps (movement sums, gradient windows...)
 * @param inEpoch the epoch in progress when the run stopped between two of its steps (a signal, a
 *                Ctrl-C); null for a checkpoint taken after an epoch's evaluation
 */
public record Checkpoint(int epochsDone, long step, double seconds, Map<String, INDArray> variables,
                         Map<String, INDArray> masks, Map<String, Map<String, INDArray>> optimizer,
                         Map<String, double[]> states, List<EpochMetrics> finished, InEpoch inEpoch) {

    /** Where it stands in a run of {@code epochs}: "after epoch 2 of 6 (step 64)" or "at step 75 (epoch 3 of 6, batch 11 done)". */
    public String position(int epochs) {
        if (inEpoch == null) return "after epoch " + epochsDone + " of " + epochs + " (step " + step + ")";
        return "at step " + step + " (epoch " + (epochsDone + 1) + " of " + epochs + ", batch "
                + inEpoch.batchesDone() + " done)";
    }

    /**
     * The part of epoch {@code epochsDone + 1} already trained: its first {@code batchesDone}
     * batches, and the sums its training loss and a divergence report are computed from.
     *
     * @param lossSum        sum of the measured mini-batch losses so far in the epoch
     * @param lossCount      how many losses {@code lossSum} adds up
     * @param lastFiniteLoss the last finite mini-batch loss of the run (NaN if none yet)
     * @param lastFiniteStep the step that loss was measured at
     */
    public record InEpoch(int batchesDone, double lossSum, long lossCount, double lastFiniteLoss,
                          long lastFiniteStep) {
    }

    private static final int MAGIC = 0x50524E43; // "PRNC"
    /** Version 3 added {@link InEpoch}; version 2 files (checkpoints after an epoch only) still read. */
    private static final int VERSION = 3;
    private static final int AFTER_EPOCHS_ONLY = 2;

    /** Writes whole or not at all: a failure (a full disk) removes the temporary file and leaves {@code file} as it was. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeTo(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private void writeTo(Path tmp) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(epochsDone);
            out.writeLong(step);
            out.writeDouble(seconds);
            writeArrays(out, variables);
            writeArrays(out, masks);
            out.writeInt(optimizer.size());
            for (Map.Entry<String, Map<String, INDArray>> e : optimizer.entrySet()) {
                out.writeUTF(e.getKey());
                writeArrays(out, e.getValue());
            }
            out.writeInt(states.size());
            for (Map.Entry<String, double[]> e : states.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (double v : e.getValue()) out.writeDouble(v);
            }
            out.writeInt(finished.size());
            for (EpochMetrics m : finished) {
                out.writeInt(m.epoch());
                out.writeLong(m.step());
                out.writeDouble(m.trainLoss());
                out.writeDouble(m.testLoss());
                out.writeDouble(m.testAccuracy());
                out.writeDouble(m.sparsity());
                out.writeDouble(m.lr());
                out.writeDouble(m.seconds());
            }
            out.writeBoolean(inEpoch != null);
            if (inEpoch != null) {
                out.writeInt(inEpoch.batchesDone());
                out.writeDouble(inEpoch.lossSum());
                out.writeLong(inEpoch.lossCount());
                out.writeDouble(inEpoch.lastFiniteLoss());
                out.writeLong(inEpoch.lastFiniteStep());
            }
        }
    }

    public static Checkpoint read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException(file + ": not a prune-sh checkpoint");
            int version = in.readInt();
            if (version != VERSION && version != AFTER_EPOCHS_ONLY) {
                throw new IOException(file + ": checkpoint version " + version + ", expected " + VERSION);
            }
            int epochs = in.readInt();
            long step = in.readLong();
            double seconds = in.readDouble();
            Map<String, INDArray> variables = readArrays(in);
            Map<String, INDArray> masks = readArrays(in);
            Map<String, Map<String, INDArray>> optimizer = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) optimizer.put(in.readUTF(), readArrays(in));
            Map<String, double[]> states = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String name = in.readUTF();
                double[] v = new double[in.readInt()];
                for (int j = 0; j < v.length; j++) v[j] = in.readDouble();
                states.put(name, v);
            }
            List<EpochMetrics> finished = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                finished.add(new EpochMetrics(in.readInt(), in.readLong(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            InEpoch inEpoch = version >= VERSION && in.readBoolean()
                    ? new InEpoch(in.readInt(), in.readDouble(), in.readLong(), in.readDouble(), in.readLong())
                    : null;
            return new Checkpoint(epochs, step, seconds, variables, masks, optimizer, states, finished, inEpoch);
        }
    }

    /** A trained model's state (weights, statistics, masks, optimizer state) outside a training loop. */
    public static Checkpoint of(org.prunesh.ops.model.Network net, MaskState masks, Trainer.Result r) {
        return TrainerState.capture(net, masks, r.epochs().size(), r.steps(), r.seconds(), r.epochs(), Map.of(), null);
    }

    /**
     * The finished state as a result, without training: the saved weights put into {@code net}
     * (a fresh build of the same model) and the masks over {@code prunable}.
     */
    public Trainer.Result restoreInto(org.prunesh.ops.model.Network net, List<String> prunable) {
        TrainerState.restoreVariables(net, this);
        MaskState m = MaskState.dense(net, prunable);
        m.restore(masks);
        return new Trainer.Result(finished, m, step, seconds, false, Map.of());
    }

    private static void writeArrays(DataOutputStream out, Map<String, INDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            Nd4j.write(e.getValue(), out);
        }
    }

    private static Map<String, INDArray> readArrays(DataInputStream in) throws IOException {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String name = in.readUTF();
            out.put(name, Nd4j.read(in));
        }
        return out;
    }
}
