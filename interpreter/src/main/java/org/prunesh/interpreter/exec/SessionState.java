package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.diag.Span;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.prune.MagnitudeScore;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.train.TrainConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything a script has set so far. Immutable: a statement produces a new state, and the
 * Session adopts it only when the statement succeeded, so a failure leaves nothing half-changed.
 *
 * @param scheduleSpan where the current schedule was set, for errors found when it is resolved
 * @param definitions  let-bound names: a {@link ScheduleSpec} or a {@link Selection}
 * @param lastRun      the most recent finished run, or null
 */
public record SessionState(long seed, DataSpec data, ModelSpec model, TrainConfig train,
                           ScheduleSpec schedule, Span scheduleSpan, Selection selection, Scope scope,
                           Exclusions exclusions, Map<String, Object> definitions, RunRecord lastRun) {

    public static final long DEFAULT_SEED = 1;

    public SessionState {
        definitions = Map.copyOf(definitions);
    }

    public static SessionState initial() {
        return new SessionState(DEFAULT_SEED, null, null, TrainConfig.DEFAULT, new NoPruningSpec(), null,
                Selection.of(new MagnitudeScore()), Scope.GLOBAL, Exclusions.DEFAULT, Map.of(), null);
    }

    public SessionState withSeed(long s) {
        return new SessionState(s, data, model, train, schedule, scheduleSpan, selection, scope, exclusions, definitions, lastRun);
    }

    public SessionState withData(DataSpec d) {
        return new SessionState(seed, d, model, train, schedule, scheduleSpan, selection, scope, exclusions, definitions, lastRun);
    }

    public SessionState withModel(ModelSpec m) {
        return new SessionState(seed, data, m, train, schedule, scheduleSpan, selection, scope, exclusions, definitions, lastRun);
    }

    public SessionState withTrain(TrainConfig t) {
        return new SessionState(seed, data, model, t, schedule, scheduleSpan, selection, scope, exclusions, definitions, lastRun);
    }

    public SessionState withSchedule(ScheduleSpec s, Span span) {
        return new SessionState(seed, data, model, train, s, span, selection, scope, exclusions, definitions, lastRun);
    }

    public SessionState withSelection(Selection s) {
        return new SessionState(seed, data, model, train, schedule, scheduleSpan, s, scope, exclusions, definitions, lastRun);
    }

    public SessionState withScope(Scope s) {
        return new SessionState(seed, data, model, train, schedule, scheduleSpan, selection, s, exclusions, definitions, lastRun);
    }

    public SessionState withExclusions(Exclusions e) {
        return new SessionState(seed, data, model, train, schedule, scheduleSpan, selection, scope, e, definitions, lastRun);
    }

    public SessionState withDefinition(String name, Object value) {
        Map<String, Object> defs = new HashMap<>(definitions);
        defs.put(name, value);
        return new SessionState(seed, data, model, train, schedule, scheduleSpan, selection, scope, exclusions, defs, lastRun);
    }

    public SessionState withLastRun(RunRecord r) {
        return new SessionState(seed, data, model, train, schedule, scheduleSpan, selection, scope, exclusions, definitions, r);
    }
}
