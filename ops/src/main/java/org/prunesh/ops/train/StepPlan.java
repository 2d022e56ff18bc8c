package org.prunesh.ops.train;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.config.ExecutionResult;
import org.nd4j.autodiff.samediff.internal.FrameIter;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.model.samediff.ArrayLayout;
import org.prunesh.ops.model.samediff.JavaKernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A training step as a fixed list of ops: the order in which the session ran the first step, each
 * op with an op context of its own whose inputs and outputs are bound once, and one array for each
 * value the step computes, kept for the run. The session redoes per op what never changes between
 * steps of one batch shape (finding the next runnable op, resolving its inputs, computing output
 * shapes natively, taking arrays from its cache, building and purging the op context, tracking
 * which arrays may be released): about 19 ms of a ResNet-20 step (`bench --measure profile`).
 *
 * <p>A step here calls the listeners as the session does (before and after each op, every output
 * as an available activation) and applies each parameter's gradient the moment it is computed,
 * so it computes the same floats as the session, in the same order ({@code StepPlanTest}).
 * Graph arrays (parameters, masks, mode flags) are looked up at every step, so values assigned in
 * place or arrays replaced between steps take effect. A batch of another shape (an epoch's last)
 * runs through the session. What the plan cannot replay (control flow, list values, views) makes
 * the recorder refuse, and the session runs every step as before.
 */
final class StepPlan {

    /** What the session ran for one op of the recorded step. */
    record Recorded(SameDiffOp op, FrameIter frame, boolean context, INDArray[] inputs, long[] iArgs, double[] tArgs,
                    boolean[] bArgs, DataType[] dArgs, INDArray[] outputs) {
    }

    /**
     * Ops M2.1's session runs other than by executing them on their context (control flow, lists,
     * views, external gradients, sub-graphs, assertions); Identity (its input passed on) and the
     * gradient marker (a constant 1) are replayed.
     */
    private static final List<Class<?>> SPECIAL = List.of(BaseCompatOp.class, BaseTensorOp.class, CreateView.class,
            ExternalErrorsFunction.class, Invoke.class, Assert.class);

    /** Collects the ops of one session step, in order, and makes the plan from them. */
    static final class Recorder {
        private final List<Recorded> ops = new ArrayList<>();
        private String refusal;

        /** Call before the op runs: its context holds the inputs and arguments the session bound. */
        static Recorded before(SameDiffOp op, OpContext ctx, FrameIter frame) {
            INDArray[] inputs = ctx == null ? new INDArray[0] : ctx.getInputArrays().toArray(new INDArray[0]);
            return new Recorded(op, frame, ctx != null, inputs,
                    ctx == null ? new long[0] : ctx.getIArguments().stream().mapToLong(Long::longValue).toArray(),
                    ctx == null ? new double[0] : ctx.getTArguments().stream().mapToDouble(Double::doubleValue).toArray(),
                    ctx == null ? new boolean[0] : booleans(ctx.getBArguments()),
                    ctx == null ? new DataType[0] : ctx.getDArguments().toArray(new DataType[0]), null);
        }

        void after(Recorded op, ExecutionResult result) {
            DifferentialFunction fn = op.op().getOp();
            if (SPECIAL.stream().anyMatch(c -> c.isInstance(fn))) {
                refuse(op.op().getName() + " is a " + fn.getClass().getSimpleName() + ", which the session runs its own way");
                return;
            }
            if (result.hasValues() && !result.getValueOutputs().isEmpty() && !(fn instanceof Identity)) {
                refuse(op.op().getName() + " returned a value that is not an array");
                return;
            }
            INDArray[] outputs = new INDArray[result.numResults()];
            for (int i = 0; i < outputs.length; i++) outputs[i] = result.resultOrValueAt(i, false);
            ops.add(new Recorded(op.op(), op.frame(), op.context(), op.inputs(), op.iArgs(), op.tArgs(), op.bArgs(), op.dArgs(), outputs));
        }

        void refuse(String why) {
            if (refusal == null) refusal = why;
        }

        /** Why no plan was made, or null. */
        String refusal() {
            return refusal;
        }

        /** The plan, or null (see {@link #refusal}). */
        StepPlan build(SameDiff sd, Map<String, INDArray> placeholders, GradientApplier applier) {
            if (refusal != null) return null;
            StepPlan plan = new StepPlan(sd, placeholders);
            Map<INDArray, Source> known = new IdentityHashMap<>();
            for (SDVariable v : sd.variables()) {
                VariableType type = v.getVariableType();
                if ((type == VariableType.VARIABLE || type == VariableType.CONSTANT) && v.getArr() != null) {
                    known.putIfAbsent(v.getArr(), new Source(Kind.GRAPH, v.name(), -1));
                }
            }
            placeholders.forEach((name, array) -> known.put(array, new Source(Kind.PLACEHOLDER, name, -1)));
            // each value the step computes: the recorded array (its type and shape), or the marker's constant
            List<INDArray> values = new ArrayList<>();
            for (Recorded r : ops) {
                DifferentialFunction fn = r.op().getOp();
                Source[] inputs = new Source[r.inputs().length];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = known.get(r.inputs()[i]);
                    if (inputs[i] == null) return refused("input " + i + " of " + r.op().getName() + " is no graph array, "
                            + "placeholder or earlier op's output");
                }
                boolean marker = fn instanceof GradientBackwardsMarker;
                boolean executes = !marker && !(fn instanceof Identity);
                if (executes && !r.context()) return refused(r.op().getName() + " ran without an op context");
                Source[] outputs = new Source[r.outputs().length];
                for (int i = 0; i < outputs.length; i++) {
                    INDArray a = r.outputs()[i];
                    Source s = a == null ? null : known.get(a);
                    if (s == null) {
                        if (a == null || !executes && !marker || a.isEmpty() || !ArrayLayout.dense(a)) {
                            return refused("output " + i + " of " + r.op().getName() + " is not a whole array of its own"
                                    + (a == null ? "" : " (" + a.shapeInfoToString() + ", view " + a.isView() + ")"));
                        }
                        s = new Source(Kind.SLOT, null, values.size());
                        values.add(marker ? a.dup() : a);
                        known.put(a, s);
                    }
                    outputs[i] = s;
                }
                plan.ops.add(new Planned(r, inputs, outputs, executes, applier));
            }
            plan.allocate(values);
            return plan;
        }

        private StepPlan refused(String why) {
            refuse(why);
            return null;
        }

        private static boolean[] booleans(List<Boolean> list) {
            boolean[] out = new boolean[list.size()];
            for (int i = 0; i < out.length; i++) out[i] = list.get(i);
            return out;
        }
    }

    private enum Kind { GRAPH, PLACEHOLDER, SLOT }

    /** Where a value comes from: a graph array or placeholder by name, or a slot of the plan. */
    private record Source(Kind kind, String name, int slot) {
    }

    /** One op as the plan runs it. */
    private static final class Planned {
        final SameDiffOp op;
        final DifferentialFunction fn;
        final FrameIter frame;
        final OpContext ctx;
        final Source[] inputs;
        final Source[] outputs;
        final INDArray[] bound;
        final INDArray[] results;
        final String[] names;
        /** The trained parameter each output is the gradient of, or null. */
        final String[] params;
        final boolean executes, updates;

        Planned(Recorded r, Source[] inputs, Source[] outputs, boolean executes, GradientApplier applier) {
            this.op = r.op();
            this.fn = op.getOp();
            this.frame = r.frame();
            this.inputs = inputs;
            this.outputs = outputs;
            this.executes = executes;
            this.bound = new INDArray[inputs.length];
            this.results = new INDArray[outputs.length];
            this.names = op.getOutputsOfOp().toArray(new String[0]);
            this.params = new String[outputs.length];
            boolean any = false;
            for (int i = 0; i < params.length && i < names.length; i++) {
                params[i] = applier.paramOf(names[i]);
                any |= params[i] != null;
            }
            this.updates = any;
            this.ctx = executes ? Nd4j.getExecutioner().buildContext() : null;
            if (ctx != null) {
                ctx.setArgs(null, r.iArgs(), r.dArgs(), r.tArgs(), r.bArgs());
            }
        }
    }

    /** Steps replayed in this process, for tests that train through a trainer of their own. */
    static final AtomicLong REPLAYED = new AtomicLong();

    private final SameDiff sd;
    private final List<Planned> ops = new ArrayList<>();
    private final List<INDArray> slots = new ArrayList<>();
    private final Map<String, long[]> shapes = new HashMap<>();
    private final int graphOps;

    private StepPlan(SameDiff sd, Map<String, INDArray> placeholders) {
        this.sd = sd;
        placeholders.forEach((name, array) -> shapes.put(name, array.shape()));
        this.graphOps = sd.getOps().size();
    }

    /** Whether a step with these placeholders can run here: same shapes, same graph. */
    boolean accepts(Map<String, INDArray> placeholders) {
        if (sd.getOps().size() != graphOps || placeholders.size() != shapes.size()) return false;
        for (Map.Entry<String, INDArray> e : placeholders.entrySet()) {
            long[] shape = shapes.get(e.getKey());
            if (shape == null || !Arrays.equals(shape, e.getValue().shape())) return false;
        }
        return true;
    }

    /**
     * One array per value, shared by values whose lives do not overlap (same type and shape, the
     * later one produced after the last op that reads the earlier): the session's peak memory, not
     * the sum of all a step computes. An op's outputs never share an array with its inputs. The
     * marker's constant keeps an array of its own, as nothing writes it.
     */
    private void allocate(List<INDArray> values) {
        int[] lastUse = new int[values.size()];
        int[] producer = new int[values.size()];
        Arrays.fill(producer, -1);
        for (int k = 0; k < ops.size(); k++) {
            Planned p = ops.get(k);
            for (Source s : p.outputs) if (s.kind() == Kind.SLOT && producer[s.slot()] < 0) producer[s.slot()] = k;
            for (Source s : p.outputs) if (s.kind() == Kind.SLOT) lastUse[s.slot()] = k;
            for (Source s : p.inputs) if (s.kind() == Kind.SLOT) lastUse[s.slot()] = k;
        }
        Map<String, ArrayDeque<INDArray>> free = new HashMap<>();
        INDArray[] arrays = new INDArray[values.size()];
        for (int k = 0; k < ops.size(); k++) {
            for (int v = 0; v < values.size(); v++) {
                if (producer[v] != k) continue;
                INDArray recorded = values.get(v);
                if (!ops.get(k).executes) {
                    arrays[v] = recorded;   // the marker's constant
                    continue;
                }
                ArrayDeque<INDArray> same = free.get(key(recorded));
                arrays[v] = same == null || same.isEmpty()
                        ? Nd4j.createUninitializedDetached(recorded.dataType(), recorded.shape()) : same.pop();
            }
            for (int v = 0; v < values.size(); v++) {
                if (lastUse[v] == k && ops.get(producer[v]).executes) {
                    free.computeIfAbsent(key(values.get(v)), x -> new ArrayDeque<>()).push(arrays[v]);
                }
            }
        }
        slots.addAll(Arrays.asList(arrays));
    }

    private static String key(INDArray a) {
        return a.dataType() + Arrays.toString(a.shape());
    }

    /** Bytes of the arrays the plan keeps for the run. */
    long bytes() {
        long n = 0;
        Set<INDArray> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(slots);
        for (INDArray a : distinct) n += a.length() * a.dataType().width();
        return n;
    }

    /** One step: every op in order, listeners and updates as the session makes them. */
    void run(Map<String, INDArray> placeholders, MultiDataSet batch, List<Listener> listeners, At at,
             GradientApplier applier, OpTimes times) {
        REPLAYED.incrementAndGet();
        for (Planned p : ops) {
            long start = times == null ? 0 : System.nanoTime();
            at.setFrameIter(p.frame);
            if (p.ctx != null) bind(p, placeholders);
            for (Listener l : listeners) if (l.isActive(at.operation())) l.preOpExecution(sd, at, p.op, p.ctx);
            long exec = 0;
            if (p.executes) {
                long t = times == null ? 0 : System.nanoTime();
                if (JavaKernel.run(p.fn, p.ctx) == null) {
                    if (p.fn instanceof CustomOp custom) {
                        Nd4j.exec(custom, p.ctx);
                    } else {
                        Nd4j.exec((Op) p.fn, p.ctx);
                    }
                }
                if (times != null) {
                    exec = System.nanoTime() - t;
                    times.op(p.fn.opName(), exec);
                }
            }
            for (int i = 0; i < p.outputs.length; i++) p.results[i] = value(p.outputs[i], placeholders);
            for (Listener l : listeners) {
                if (!l.isActive(at.operation())) continue;
                l.opExecution(sd, at, batch, p.op, p.ctx, p.results);
                for (int i = 0; i < p.results.length && i < p.names.length; i++) {
                    l.activationAvailable(sd, at, batch, p.op, p.names[i], p.results[i]);
                }
            }
            if (p.updates) {
                for (int i = 0; i < p.params.length; i++) {
                    if (p.params[i] != null) applier.apply(p.params[i], p.results[i], listeners, at);
                }
            }
            if (times != null) times.around(p.fn.opName(), System.nanoTime() - start - exec, p.updates);
        }
    }

    /** Binds the op's inputs where they changed (a new batch, an array replaced) and its outputs once. */
    private void bind(Planned p, Map<String, INDArray> placeholders) {
        for (int i = 0; i < p.inputs.length; i++) {
            INDArray a = value(p.inputs[i], placeholders);
            if (a != p.bound[i]) {
                p.ctx.setInputArray(i, a);
                p.bound[i] = a;
            }
        }
        if (p.results.length > 0 && p.results[0] == null) {
            for (int i = 0; i < p.outputs.length; i++) p.ctx.setOutputArray(i, value(p.outputs[i], placeholders));
        }
    }

    private INDArray value(Source s, Map<String, INDArray> placeholders) {
        return switch (s.kind()) {
            case SLOT -> slots.get(s.slot());
            case PLACEHOLDER -> placeholders.get(s.name());
            case GRAPH -> sd.getArrForVarName(s.name());
        };
    }
}
