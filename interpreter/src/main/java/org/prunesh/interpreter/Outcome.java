package org.prunesh.interpreter;

/** How an evaluation ended; the exit code is what `prune-sh run` returns. */
public enum Outcome {
    OK(0), SCRIPT_ERROR(65), RUNTIME_ERROR(70), CANCELLED(130);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
