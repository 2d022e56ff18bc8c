package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.diag.Span;

import java.util.ArrayList;
import java.util.List;

/** The diagnostics found so far in one check; every rule adds to it and none stops the check. */
final class Problems {

    private final List<Diagnostic> found = new ArrayList<>();

    void error(Span span, String message) {
        found.add(new Diagnostic(span, message));
    }

    /** How many have been found; comparing two counts tells whether a rule in between reported one. */
    int count() {
        return found.size();
    }

    List<Diagnostic> list() {
        return List.copyOf(found);
    }
}
