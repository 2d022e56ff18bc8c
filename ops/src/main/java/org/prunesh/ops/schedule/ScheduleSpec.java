package org.prunesh.ops.schedule;

/**
 * A sparsity schedule as a script wrote it, with times still in steps, epochs or percent. It
 * becomes a {@link SparsitySchedule} once the run's {@link StepClock} is known. Values that do not
 * depend on the clock are checked when the spec is built; the window and interval when it is
 * resolved. Both throw {@link IllegalArgumentException} with a message in the script's terms.
 */
public sealed interface ScheduleSpec permits CubicSpec, LinearSpec, ConstantSpec, OneShotSpec, NoPruningSpec {

    SparsitySchedule resolve(StepClock clock);
}
