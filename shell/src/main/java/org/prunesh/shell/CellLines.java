package org.prunesh.shell;

import org.prunesh.cluster.CellSpec;
import org.prunesh.cluster.CellStatus;
import org.prunesh.cluster.Submission;

/** One line per cell state: {@code cell 2 [method=fggp,seed=1] job 17_2: failed (CANCELLED, ...); log ...}. */
final class CellLines {

    private CellLines() {
    }

    static String line(Submission s, CellSpec cell, CellStatus status) {
        String text = "cell " + cell.index() + " [" + cell.label() + "] job " + s.jobId() + "_" + cell.index() + ": "
                + status.describe();
        return status.phase() == CellStatus.Phase.FAILED ? text + "; log " + s.log(cell.index()) : text;
    }
}
