package org.prunesh.interpreter.check;

/** What a {@code let} defines. */
public enum DefKind {
    SCHEDULE("schedule"), SELECTION("selection");

    private final String word;

    DefKind(String word) {
        this.word = word;
    }

    /** The word messages use: "'agp' is a schedule". */
    public String word() {
        return word;
    }
}
