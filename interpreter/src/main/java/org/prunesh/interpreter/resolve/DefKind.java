package org.prunesh.interpreter.resolve;

/** What a {@code let} (or, for an architecture, {@code search ... as}) defines. */
public enum DefKind {
    SCHEDULE("schedule"), SELECTION("selection"), ARCH("architecture"), BLOCK("block");

    private final String word;

    DefKind(String word) {
        this.word = word;
    }

    /** The word messages use: "'agp' is a schedule". */
    public String word() {
        return word;
    }
}
