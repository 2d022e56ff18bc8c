package org.prunesh.ops.train;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.model.ParamInfo;
import org.prunesh.ops.model.samediff.BlockedWeights;
import org.prunesh.ops.model.samediff.InputConv2D;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stretches of a run in which convolution weights are held in oneDNN's forward layout
 * ({@link BlockedWeights}): from {@link #enter} to {@link #exit}, which the trainer calls around
 * every step whose hooks index a weight (a pruning or regrowth step, a criterion that watches every
 * step, stimulative training re-ranking channels) and before anything else reads the network
 * (evaluation, checkpoints, the end of the run). A weight's mask and optimizer state move with it,
 * so the per-step mask multiply and update stay element-wise. Only weights read by nothing but
 * oneDNN convolutions qualify. Off with {@code -Dprunesh.weights=plain}.
 */
final class LayoutWindow {

    static final String PROPERTY = "prunesh.weights";
    /** Weights put into the blocked layout, over the process (tests check that a run held some). */
    static final AtomicLong CONVERTED = new AtomicLong();

    private final Network net;
    private final MaskState masks;
    /** Weights that may be held blocked, and not yet converted (a forward must publish their layout first). */
    private final Set<String> pending = new LinkedHashSet<>();
    private final List<String> held = new ArrayList<>();

    LayoutWindow(Network net, MaskState masks) {
        this.net = net;
        this.masks = masks;
        if ("plain".equals(System.getProperty(PROPERTY))) return;
        for (ParamInfo p : net.params()) if (onlyConvolutions(net.graph(), p.name())) pending.add(p.name());
    }

    /** Holds every qualifying weight blocked whose layout is known; cheap when nothing is left to convert. */
    void enter() {
        if (pending.isEmpty()) return;
        for (var it = pending.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (BlockedWeights.toBlocked(net.array(name), () -> companions(name))) {
                held.add(name);
                it.remove();
                CONVERTED.incrementAndGet();
            }
        }
    }

    /** Puts every held weight (and its mask and optimizer state) back into [kH, kW, in, out]. */
    void exit() {
        if (held.isEmpty()) return;
        for (String name : held) {
            BlockedWeights.toPlain(net.array(name), companions(name));
            pending.add(name);
        }
        held.clear();
    }

    private List<INDArray> companions(String name) {
        List<INDArray> out = new ArrayList<>();
        INDArray mask = masks.mask(name);
        if (mask != null) out.add(mask);
        out.addAll(OptimizerStates.stateOf(net.graph(), name).values());
        return out;
    }

    /** A 4-D parameter whose every reader in the graph is a convolution (so none indexes it). */
    private static boolean onlyConvolutions(SameDiff sd, String name) {
        Variable v = sd.getVariables().get(name);
        if (v == null || v.getVariable().getArr() == null || v.getVariable().getArr().rank() != 4) return false;
        List<String> readers = v.getInputsForOp();
        if (readers == null || readers.isEmpty()) return false;
        for (String op : readers) {
            SameDiffOp o = sd.getOps().get(op);
            if (o == null || !(o.getOp() instanceof InputConv2D)) return false;
        }
        return true;
    }
}
