package org.prunesh.interpreter.exec;

import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.train.TrainConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a script has set so far. Immutable: a statement produces a new state, and the
 * Session adopts it only when the statement succeeded, so a failure leaves nothing half-changed.
 *
 * @param definitions let-bound names (and {@code search ... as} results)
 * @param lastRun     the most recent finished run (or {@code prune now} result), or null
 * @param stp         the STP settings (space, budget, stimulative training) and extracted subnets
 */
public record SessionState(long seed, DataSpec data, ModelSpec model, TrainConfig train, PruningState pruning,
                           Map<String, Definition> definitions, RunRecord lastRun, List<RunRow> history, StpState stp) {

    /** One finished run in {@code report runs}: what a comparison needs, without the network. */
    public record RunRow(String name, String selection, double testAccuracy, double sparsityPrunable,
                         double sparsityAll, double seconds, boolean cancelled, java.nio.file.Path directory,
                         int sweep) {
    }

    public static final long DEFAULT_SEED = 1;

    public SessionState {
        definitions = Map.copyOf(definitions);
        history = List.copyOf(history);
    }

    /** The step clock of a run from this state, known without loading data. */
    public StepClock clock() {
        return StepClock.of(data.trainSize(), train.batch(), train.epochs());
    }

    /** The schedule on that clock; throws IllegalArgumentException with a reason when it does not fit the run. */
    public SparsitySchedule schedule() {
        return pruning.schedule().resolve(clock());
    }

    public static SessionState initial() {
        return new SessionState(DEFAULT_SEED, null, null, TrainConfig.DEFAULT, PruningState.INITIAL, Map.of(), null, List.of(),
                StpState.INITIAL);
    }

    public SessionState withSeed(long s) {
        return new SessionState(s, data, model, train, pruning, definitions, lastRun, history, stp);
    }

    public SessionState withData(DataSpec d) {
        return new SessionState(seed, d, model, train, pruning, definitions, lastRun, history, stp);
    }

    public SessionState withModel(ModelSpec m) {
        return new SessionState(seed, data, m, train, pruning, definitions, lastRun, history, stp);
    }

    public SessionState withTrain(TrainConfig t) {
        return new SessionState(seed, data, model, t, pruning, definitions, lastRun, history, stp);
    }

    public SessionState withPruning(PruningState p) {
        return new SessionState(seed, data, model, train, p, definitions, lastRun, history, stp);
    }

    public SessionState withDefinition(String name, Definition value) {
        Map<String, Definition> defs = new HashMap<>(definitions);
        defs.put(name, value);
        return new SessionState(seed, data, model, train, pruning, defs, lastRun, history, stp);
    }

    public SessionState withLastRun(RunRecord r) {
        return new SessionState(seed, data, model, train, pruning, definitions, r, history, stp);
    }

    public SessionState withStp(StpState st) {
        return new SessionState(seed, data, model, train, pruning, definitions, lastRun, history, st);
    }

    /** One more row of the history that is not a run (an extracted subnet); the last run stays. */
    public SessionState withHistoryRow(RunRow row) {
        List<RunRow> rows = new ArrayList<>(history);
        rows.add(row);
        return new SessionState(seed, data, model, train, pruning, definitions, lastRun, rows, stp);
    }

    /**
     * This state's settings with what {@code done} has produced since: its last run, its history,
     * its last search and its extracted subnets. A sweep cell starts from the state before the sweep this way.
     */
    public SessionState withResultsOf(SessionState done) {
        return new SessionState(seed, data, model, train, pruning, definitions, done.lastRun, done.history,
                stp.withSubnets(done.stp.subnets()).withLastSearch(done.stp.lastSearch()));
    }

    /** A finished run: the last run, and one more row of the history. */
    public SessionState withFinishedRun(RunRecord r, RunRow row) {
        List<RunRow> rows = new ArrayList<>(history);
        rows.add(row);
        return new SessionState(seed, data, model, train, pruning, definitions, r, rows, stp);
    }
}
