package org.prunesh.cluster;

import org.prunesh.interpreter.Evaluation;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;

import java.nio.file.Path;
import java.util.List;

/**
 * The seam between the cluster executor and the interpreter: what a sweep's cells are, and how one
 * cell runs on its own. Everything else in this package (sbatch, states, records) knows only this.
 * {@link SessionSweepCells} implements it on {@code Session}.
 */
public interface SweepCells {

    /**
     * The cells of the script's one sweep, in order.
     *
     * @throws NotACellScript when the script has no sweep, more than one, or trains before it
     *                        (every cell would train that again)
     */
    List<CellSpec> cells(String source, String sourceName) throws NotACellScript;

    /**
     * Runs cell {@code index} through the normal interpreter: the statements before the sweep, then
     * the cell; its runs are written under the config's runs directory as the whole sweep writes them.
     *
     * @param interrupted a run directory of this cell to continue from its checkpoint, or null
     * @param cancelled   set to stop training at the next step (a signal from the scheduler)
     */
    Evaluation runCell(SessionConfig config, SessionListener listener, String source, String sourceName, int index,
                       Path interrupted, CellControl cancelled);

    /** Lets the caller stop a cell in progress. */
    interface CellControl {
        /** Called once the cell's session exists; {@code cancel} stops it at the next step. */
        void started(Runnable cancel);
    }

    /** A script whose sweep cannot run as cells, with the reason in file:line:col form. */
    final class NotACellScript extends Exception {
        public NotACellScript(String message) {
            super(message);
        }
    }
}
