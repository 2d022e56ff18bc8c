package org.prunesh.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Follows a submitted array until every submitted cell has ended, telling the listener each time a
 * cell's phase changes (pending, running, done, failed).
 */
public final class ArrayFollower {

    /** Told about each change of a cell's phase, in cell order within one poll. */
    @FunctionalInterface
    public interface Listener {
        void changed(CellSpec cell, CellStatus status);
    }

    private final Slurm slurm;
    private final long pollMillis;

    public ArrayFollower(Slurm slurm, long pollMillis) {
        this.slurm = slurm;
        this.pollMillis = pollMillis;
    }

    /** The statuses of the submission's submitted cells now. */
    public static Map<Integer, CellStatus> poll(Slurm slurm, Submission s) throws SlurmException {
        Map<Integer, TaskState> tasks = slurm.tasks(s.jobId());
        Map<Integer, CellStatus> out = new LinkedHashMap<>();
        for (int index : s.submitted()) out.put(index, CellStatus.of(index, tasks, s.directory()));
        return out;
    }

    /**
     * Polls until all submitted cells have ended or {@code stop} is true; returns the last statuses.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Map<Integer, CellStatus> follow(Submission s, Listener listener, BooleanSupplier stop)
            throws SlurmException, InterruptedException {
        Map<Integer, CellStatus.Phase> seen = new LinkedHashMap<>();
        while (true) {
            Map<Integer, CellStatus> now = poll(slurm, s);
            for (Map.Entry<Integer, CellStatus> e : now.entrySet()) {
                if (seen.get(e.getKey()) != e.getValue().phase()) {
                    seen.put(e.getKey(), e.getValue().phase());
                    listener.changed(s.cells().get(e.getKey()), e.getValue());
                }
            }
            if (now.values().stream().allMatch(c -> c.phase().ended()) || stop.getAsBoolean()) return now;
            Thread.sleep(pollMillis);
        }
    }
}
