package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;

/** Lookups of names defined with {@code let} (and, for architectures, {@code search ... as}). */
final class Names {

    private Names() {
    }

    static boolean isDefined(Name name, DefKind kind, State st) {
        return st.kind(name.text()) == kind;
    }

    static boolean isArch(Name name, State st) {
        return isDefined(name, DefKind.ARCH, st);
    }
}
