package org.prunesh.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Where a cell of a submission stands.
 *
 * @param detail Slurm's state and exit code, or why the state is known ("exit status 0")
 */
public record CellStatus(Phase phase, String detail) {

    public enum Phase {
        PENDING, RUNNING, DONE, FAILED;

        public boolean ended() {
            return this == DONE || this == FAILED;
        }

        public String word() {
            return name().toLowerCase();
        }
    }

    private static final Set<String> WAITING = Set.of("PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED",
            "CONFIGURING", "SUSPENDED", "RESIZING", "STOPPED");
    private static final Set<String> ACTIVE = Set.of("RUNNING", "COMPLETING", "SIGNALING", "STAGE_OUT");

    /**
     * The cell's status from Slurm's record of its task when Slurm still has one, else from the exit
     * marker the batch script left in {@code submissionDir}.
     */
    public static CellStatus of(int index, Map<Integer, TaskState> tasks, Path submissionDir) {
        TaskState t = tasks.get(index);
        if (t != null) {
            if (WAITING.contains(t.state())) {
                String reason = t.reason().equals("None") ? "" : t.reason();
                return new CellStatus(Phase.PENDING, t.restarts() == 0 ? reason
                        : "requeued " + t.restarts() + "x" + (reason.isEmpty() ? "" : ", " + reason));
            }
            if (ACTIVE.contains(t.state())) {
                return new CellStatus(Phase.RUNNING, t.restarts() > 0 ? "start " + (t.restarts() + 1) : "");
            }
            if (t.state().equals("COMPLETED") && t.exitCode().equals("0:0")) return new CellStatus(Phase.DONE, "");
            return new CellStatus(Phase.FAILED, t.state() + ", exit code " + t.exitCode());
        }
        Path marker = submissionDir.resolve(SbatchCommand.exitMarker(index));
        try {
            if (Files.exists(marker)) {
                String status = Files.readString(marker).trim();
                return status.equals("0") ? new CellStatus(Phase.DONE, "")
                        : new CellStatus(Phase.FAILED, "exit status " + status);
            }
        } catch (IOException e) {
            return new CellStatus(Phase.FAILED, "cannot read " + marker + ": " + e.getMessage());
        }
        return new CellStatus(Phase.FAILED, "gone from Slurm without an exit status");
    }

    /** {@code failed (CANCELLED, exit code 0:15)} */
    public String describe() {
        return detail.isEmpty() ? phase.word() : phase.word() + " (" + detail + ")";
    }
}
