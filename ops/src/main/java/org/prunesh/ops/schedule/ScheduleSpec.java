package org.prunesh.ops.schedule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A sparsity schedule as a script wrote it, with times still in steps, epochs or percent. It
 * becomes a {@link SparsitySchedule} once the run's {@link StepClock} is known. Values that do not
 * depend on the clock are checked when the spec is built; the window and interval when it is
 * resolved. Both throw {@link IllegalArgumentException} with a message in the script's terms.
 *
 * <p>A run's {@code config.json} records the spec with its kind ({@code "kind": "exp"}), since
 * several kinds share the same fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CubicSpec.class, name = "cubic"),
        @JsonSubTypes.Type(value = LinearSpec.class, name = "linear"),
        @JsonSubTypes.Type(value = ExpSpec.class, name = "exp"),
        @JsonSubTypes.Type(value = ConstantSpec.class, name = "constant"),
        @JsonSubTypes.Type(value = OneShotSpec.class, name = "oneshot"),
        @JsonSubTypes.Type(value = PointsSpec.class, name = "points"),
        @JsonSubTypes.Type(value = NoPruningSpec.class, name = "none")})
public sealed interface ScheduleSpec
        permits CubicSpec, LinearSpec, ExpSpec, ConstantSpec, OneShotSpec, PointsSpec, NoPruningSpec {

    SparsitySchedule resolve(StepClock clock);

    /** The sparsity the schedule prunes to, as written; 0 for dense training. */
    double finalSparsity();

    /**
     * The schedule with every option spelled out, as a script writes it after {@code schedule},
     * e.g. {@code cubic from 0 to 0.9 start 1 epoch end 70% every 100 steps exponent 3}.
     */
    String describe();
}
