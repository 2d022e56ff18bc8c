package org.prunesh.ops.schedule;

import java.util.List;

/** A schedule whose masks are updated on a {@link StepGrid}; the grid answers the step questions. */
interface GridSchedule extends SparsitySchedule {

    StepGrid grid();

    @Override
    default List<Long> pruningSteps() {
        return grid().steps();
    }

    @Override
    default boolean isPruningStep(long step) {
        return grid().contains(step);
    }

    @Override
    default long start() {
        return grid().start();
    }

    @Override
    default long end() {
        return grid().end();
    }

    /** How far through the grid's window {@code step} lies, for start &lt; step &lt; end. */
    default double progress(long step) {
        return (double) (step - grid().start()) / (grid().end() - grid().start());
    }
}
