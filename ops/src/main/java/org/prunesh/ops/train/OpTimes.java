package org.prunesh.ops.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Wall-clock time of a training step split where the session spends it, for a per-op profile:
 * each graph op's execution by op name (native or Java kernel); the session's work on the outputs
 * of an op that yields a trained parameter's gradient (the updater applying it, which dominates);
 * its work on other ops' outputs (listeners, releasing arrays); and whatever is outside all of
 * these (scheduling, parameterising ops, allocating outputs). Filled by {@link SessionStepper} on
 * the training thread; nanoTime per op adds well under a microsecond to each of a few hundred ops.
 */
public final class OpTimes {

    /** One op name's calls and nanoseconds, summed over the steps measured. */
    public record Op(String name, long calls, long nanos) {
    }

    private final Map<String, long[]> ops = new LinkedHashMap<>();
    private final Set<String> updating = new TreeSet<>();
    private long updateNanos;
    private long aroundNanos;
    private long stepNanos;
    private long extraNanos;
    private int steps;

    void op(String name, long nanos) {
        long[] entry = ops.computeIfAbsent(name, k -> new long[2]);
        entry[0]++;
        entry[1] += nanos;
    }

    /** The session's work on one op's outputs, its execution not included. */
    void around(String op, long nanos, boolean updates) {
        if (updates) {
            updating.add(op);
            updateNanos += nanos;
        } else {
            aroundNanos += nanos;
        }
    }

    void step(long nanos) {
        stepNanos += nanos;
        steps++;
    }

    /** Time of work a caller did inside the steps measured (masks re-applied by a listener). */
    public void extra(long nanos) {
        extraNanos += nanos;
    }

    /** Every op name in the order first seen. */
    public Map<String, Op> ops() {
        Map<String, Op> out = new LinkedHashMap<>();
        ops.forEach((name, e) -> out.put(name, new Op(name, e[0], e[1])));
        return out;
    }

    public long opNanos() {
        return ops.values().stream().mapToLong(e -> e[1]).sum();
    }

    /** Names of the ops whose outputs included a trained parameter's gradient. */
    public Set<String> updating() {
        return Collections.unmodifiableSet(updating);
    }

    /** The session's work on the outputs of ops that yield a parameter's gradient: the updater. */
    public long updateNanos() {
        return updateNanos;
    }

    /** The session's work on the outputs of the other ops. */
    public long aroundNanos() {
        return aroundNanos;
    }

    public long extraNanos() {
        return extraNanos;
    }

    /** Whole steps, from the stepper's entry to its return. */
    public long stepNanos() {
        return stepNanos;
    }

    /** Step time in none of the above: scheduling, op set-up, allocation, listeners' other calls. */
    public long restNanos() {
        return stepNanos - opNanos() - updateNanos - aroundNanos - extraNanos;
    }

    public int steps() {
        return steps;
    }
}
