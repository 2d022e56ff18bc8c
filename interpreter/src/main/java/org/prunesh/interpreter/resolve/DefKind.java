package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.exec.Definition;

/** What a {@code let} (or, for an architecture, {@code search ... as}) defines. */
enum DefKind {
    SCHEDULE("schedule"), SELECTION("selection"), ARCH("architecture"), BLOCK("block");

    private final String word;

    DefKind(String word) {
        this.word = word;
    }

    /** The word messages use: "'agp' is a schedule". */
    String word() {
        return word;
    }

    /** The kind of a definition, or null for none. */
    static DefKind of(Definition d) {
        if (d == null) return null;
        return d instanceof Definition.Schedule ? SCHEDULE : d instanceof Definition.Selection ? SELECTION
                : d instanceof Definition.Architecture ? ARCH : BLOCK;
    }
}
