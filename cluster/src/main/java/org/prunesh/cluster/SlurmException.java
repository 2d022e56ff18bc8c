package org.prunesh.cluster;

/** A Slurm command failed or is missing; the message says which and what it answered. */
public final class SlurmException extends Exception {

    public SlurmException(String message) {
        super(message);
    }
}
