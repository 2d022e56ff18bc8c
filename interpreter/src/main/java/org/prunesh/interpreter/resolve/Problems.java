package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.diag.Span;

import java.util.ArrayList;
import java.util.List;

/** The diagnostics found so far in one check; every rule adds to it and none stops the check. */
final class Problems {

    private final List<Diagnostic> found = new ArrayList<>();
    private int conflicts;

    void error(Span span, String message) {
        found.add(new Diagnostic(span, message));
    }

    /**
     * A rule between two statements broken (an N:M pattern against the final sparsity, a space
     * against the model), reported at the later one. That one is valid in itself and still applies,
     * so that what follows it is checked against it as the script wrote it.
     */
    void conflict(Span span, String message) {
        error(span, message);
        conflicts++;
    }

    /** How many findings say that a statement is wrong in itself; a statement with one is not applied. */
    int invalid() {
        return found.size() - conflicts;
    }

    /** How many have been found; comparing two counts tells whether a rule in between reported one. */
    int count() {
        return found.size();
    }

    List<Diagnostic> list() {
        return List.copyOf(found);
    }
}
