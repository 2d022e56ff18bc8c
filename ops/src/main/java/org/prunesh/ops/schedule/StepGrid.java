package org.prunesh.ops.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The pruning steps of a window: start, start + every, start + 2·every, ... while below end, and
 * end itself, so the final target is reached exactly even when the window is not a multiple of
 * {@code every}. Membership is arithmetic, so asking at every training step costs O(1).
 */
public record StepGrid(long start, long end, long every) {

    public StepGrid {
        if (start < 0 || end < start || every < 1) {
            throw new IllegalArgumentException("invalid step grid [" + start + ", " + end + "] every " + every);
        }
    }

    public boolean contains(long step) {
        return step >= start && step <= end && (step == end || (step - start) % every == 0);
    }

    public List<Long> steps() {
        List<Long> steps = new ArrayList<>();
        for (long s = start; s < end; s += every) {
            steps.add(s);
        }
        steps.add(end);
        return List.copyOf(steps);
    }
}
