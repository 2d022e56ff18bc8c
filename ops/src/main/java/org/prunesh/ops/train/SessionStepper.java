package org.prunesh.ops.train;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.FrameIter;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.TrainingSession;
import org.nd4j.autodiff.samediff.internal.AbstractSession.VarId;
import org.nd4j.autodiff.samediff.config.ExecutionResult;
import org.nd4j.autodiff.samediff.config.SDValue;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.prunesh.ops.model.samediff.JavaKernel;
import org.prunesh.ops.model.samediff.SessionArrayCache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One optimizer step per call on a SameDiff graph, through one {@link TrainingSession} kept for
 * the whole run: what {@code SameDiff.fit} does for one batch, without rebuilding the session,
 * its per-op contexts and its array memory on every call. {@code fit(iterator)} keeps a session
 * too but in M2.1 corrupts arrays from its second batch on (see {@link SessionArrayCache}, which
 * is the repair); one {@code fit} per batch was exact but rebuilt all of that each step and
 * grew resident memory over long runs.
 *
 * <p>Steps after the first of a batch shape replay it ({@link StepPlan}): the same ops in the same
 * order with the same listener calls and updates, without the session's per-op work.
 *
 * <p>Listeners see what {@code fit} shows them for one batch: operation start (batch-norm mode
 * follows it), iteration start, per-op activations, iteration done, operation end. Constants and
 * variables are read from the graph at every step, so values assigned in place between steps
 * (masks, mode flags) take effect on the next one. All access to SameDiff internals of the run
 * loop is here and in {@link StepPlan}. Graphs with {@link JavaKernel} ops (batch norm) train only through this class:
 * {@code SameDiff.fit} builds its own session, which sends every op to the native executioner.
 */
public final class SessionStepper {

    /** SameDiff's key for the gradient function ({@code SameDiff.GRAD_FN_KEY}, protected). */
    private static final String GRAD_FUNCTION = "grad";

    private final SameDiff sd;
    private final SameDiff gradients;
    private final Session session;
    private final SessionArrayCache arrays = new SessionArrayCache();
    private final Set<String> trained = new LinkedHashSet<>();
    private final long thread = Thread.currentThread().getId();
    /** Steps after the first of a batch shape replay it; null until recorded, or when refused. */
    private StepPlan plan;
    /** Why the session could not be replayed; it then runs every step. Off: {@code -Dprunesh.step=session}. */
    private String refusal = "session".equals(System.getProperty("prunesh.step")) ? "-Dprunesh.step=session" : null;

    /** @param sd a graph with its training configuration set */
    public SessionStepper(SameDiff sd) {
        if (sd.getTrainingConfig() == null) throw new IllegalStateException("the graph has no training configuration");
        this.sd = sd;
        if (sd.getFunction(GRAD_FUNCTION) == null) sd.createGradFunction();
        this.gradients = sd.getFunction(GRAD_FUNCTION);
        this.gradients.setTrainingConfig(sd.getTrainingConfig());
        this.session = new Session(gradients);
        session.useArrays(arrays);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                trained.add(v.name());
                if (v.getGradient() != null) session.applier.train(v.name(), v.getGradient().name());
            }
        }
    }

    /** Whether steps replay a recorded plan ({@link StepPlan}) rather than run the session. */
    public boolean replaying() {
        return plan != null;
    }

    /** Why steps do not replay a plan, or null (none recorded yet, or replaying). */
    public String refusal() {
        return refusal;
    }

    /** Runs every following step through the session, as before plans (comparisons in one process). */
    public void sessionOnly() {
        plan = null;
        refusal = "session only";
    }

    /** Times every following step into {@code into} (per op, see {@link OpTimes}); null stops timing. */
    public void timeOps(OpTimes into) {
        session.times = into;
    }

    /**
     * Forward, backward and update on one batch.
     *
     * @param iteration the optimizer step's index from the start of the run (updaters that correct
     *                  for bias, such as Adam, read it; a resumed run passes its true step)
     */
    public Loss step(DataSet batch, long iteration, Listener... listeners) {
        OpTimes times = session.times;
        long start = times == null ? 0 : System.nanoTime();
        TrainingConfig config = sd.getTrainingConfig();
        initializeTraining(sd);
        List<Listener> all = new ArrayList<>(List.of(listeners));
        for (Listener l : sd.getListeners()) if (!all.contains(l)) all.add(l);
        List<Listener> active = new ArrayList<>();
        for (Listener l : all) if (l.isActive(Operation.TRAINING)) active.add(l);

        MultiDataSet data = batch.toMultiDataSet();
        At at = new At(config.getEpochCount(), (int) iteration, 0, thread, null, Operation.TRAINING);
        for (Listener l : active) l.operationStart(gradients, Operation.TRAINING);
        for (Listener l : active) l.iterationStart(sd, at, data, 0);
        Map<String, INDArray> placeholders = Map.of(
                config.getDataSetFeatureMapping().get(0), batch.getFeatures(),
                config.getDataSetLabelMapping().get(0), batch.getLabels());
        // Regularization is SameDiff's to apply: then the session updates the parameters itself.
        boolean inline = config.getRegularization() == null || config.getRegularization().isEmpty();
        session.applier.use(inline ? sd.getUpdaterMap() : null, config.isMinimize());
        Loss loss;
        if (inline && plan != null && plan.accepts(placeholders)) {
            plan.run(placeholders, data, all, at, session.applier, times);
            loss = new Loss(sd.getLossVariables(), new double[sd.getLossVariables().size()]);
            for (Listener l : active) l.iterationDone(gradients, at, data, loss);
        } else {
            boolean record = inline && plan == null && refusal == null;
            if (record) session.recorder = new StepPlan.Recorder();
            session.forgetReleasedIds();
            loss = session.trainingIteration(config, placeholders, inline ? Set.of() : trained, sd.getUpdaterMap(),
                    data, sd.getLossVariables(), all, at);
            if (record) {
                plan = session.recorder.build(gradients, placeholders, session.applier);
                refusal = session.recorder.refusal();
                session.recorder = null;
            }
        }
        config.incrementIterationCount();
        for (Listener l : active) l.operationEnd(sd, Operation.TRAINING);
        arrays.recycle();   // the step is over, listeners included: all of its memory is free again
        // the plan has arrays of its own; the session's are kept only for the batches it still runs
        if (plan != null) arrays.close();
        if (times != null) times.step(System.nanoTime() - start);
        return loss;
    }

    /**
     * SameDiff creates optimizer state lazily in its first fit ({@code initializeTraining},
     * protected in M2.1): it has to exist before a step, and before saved state is restored.
     */
    static void initializeTraining(SameDiff sd) {
        if (sd.isInitializedTraining()) return;
        try {
            Method m = SameDiff.class.getDeclaredMethod("initializeTraining");
            m.setAccessible(true);
            m.invoke(sd);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot prepare SameDiff's optimizer state", e);
        }
    }

    /**
     * The session keeps the ids of arrays it has released, to skip a second release, and never
     * forgets them: one id per released array per step, gigabytes over a long run. Ids are never
     * reused (reused arrays get new ones), so each step may start with an empty set.
     */
    private static final class Session extends TrainingSession {
        private SessionArrayCache arrays;
        private OpTimes times;
        private final GradientApplier applier;
        /** Non-null while a step is recorded for a {@link StepPlan}. */
        private StepPlan.Recorder recorder;
        private long lastExec;

        Session(SameDiff sd) {
            super(sd);
            applier = new GradientApplier(sd);
        }

        void useArrays(SessionArrayCache arrays) {
            this.arrays = arrays;
            setMmgr(arrays);
        }

        /** Whether {@code op} yields a trained parameter's gradient, which the session then applies. */
        private boolean updates(SameDiffOp op) {
            for (String out : op.getOutputsOfOp()) if (applier.paramOf(out) != null) return true;
            return false;
        }

        /** Applies each trained parameter's gradient of {@code result} while the applier is active. */
        private void update(SameDiffOp op, ExecutionResult result, List<Listener> listeners, At at) {
            List<String> outputs = op.getOutputsOfOp();
            for (int i = 0; i < outputs.size(); i++) {
                String param = applier.paramOf(outputs.get(i));
                if (param != null) applier.apply(param, result.resultAt(i), listeners, at);
            }
        }

        void forgetReleasedIds() {
            freedArrays.clear();
        }

        /**
         * The training iteration asks for every gradient as an output and ignores the result;
         * for each output name M2.1 checks existence against a fresh copy of the whole variable
         * map (measured: 1.5% of a VGG-19 w0.25 step, one thread). The gradients are in the required
         * activations already, so they are computed, applied and shown to listeners the same way.
         */
        @Override
        public Map<String, INDArray> output(List<String> variables, Map<String, INDArray> placeholders,
                                            MultiDataSet batch, Collection<String> requiredActivations,
                                            List<Listener> listeners, At at) {
            Set<String> required = new HashSet<>(requiredActivations);
            required.addAll(variables);
            if (applier.active()) required.addAll(applier.gradients().keySet());
            super.output(List.of(), placeholders, Map.of(), batch, required, listeners, at);
            return Map.of();
        }

        /** Batch norm and any other {@link JavaKernel} run in Java; everything else natively. */
        @Override
        public ExecutionResult doExec(DifferentialFunction op, OpContext ctx, FrameIter frame, Set<VarId> inputs,
                                      Set<VarId> iterationInputs, Set<String> constants,
                                      Map<String, SDValue> otherPlaceholders) {
            long start = times == null ? 0 : System.nanoTime();
            StepPlan.Recorded recorded = recorder == null ? null
                    : StepPlan.Recorder.before(sameDiff.getOps().get(op.getOwnName()), ctx, frame);
            ExecutionResult result = JavaKernel.run(op, ctx);
            if (result == null) result = super.doExec(op, ctx, frame, inputs, iterationInputs, constants, otherPlaceholders);
            if (recorded != null) recorder.after(recorded, result);
            if (times != null) {
                lastExec = System.nanoTime() - start;
                times.op(op.opName(), lastExec);
            }
            return result;
        }

        /** Unrequested, a gradient would be freed before the optimizer has applied it: hold releases. */
        @Override
        public ExecutionResult getOutputs(Pair<SameDiffOp, OpContext> op, FrameIter frame, Set<VarId> inputs,
                                          Set<VarId> iterationInputs, Set<String> constantInputs,
                                          List<Listener> listeners, At at, MultiDataSet batch,
                                          Set<String> requested, Map<String, SDValue> otherPlaceholders) {
            arrays.deferReleases();
            long start = times == null ? 0 : System.nanoTime();
            lastExec = 0;
            try {
                ExecutionResult result = super.getOutputs(op, frame, inputs, iterationInputs, constantInputs, listeners,
                        at, batch, requested, otherPlaceholders);
                if (applier.active()) update(op.getFirst(), result, listeners, at);
                return result;
            } finally {
                arrays.releaseDeferred();
                if (times != null) times.around(op.getFirst().getOp().opName(), System.nanoTime() - start - lastExec,
                        updates(op.getFirst()));
            }
        }
    }
}
