package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Lookups of names defined with {@code let} (and, for architectures, {@code search ... as}). */
final class Names {

    private Names() {
    }

    static boolean isDefined(Name name, DefKind kind, CheckContext context) {
        return context.definitions().get(name.text()) == kind;
    }

    /** The names defined as {@code kind}, sorted, for "expected one of" lists. */
    static List<String> defined(DefKind kind, CheckContext context) {
        return context.definitions().entrySet().stream()
                .filter(e -> e.getValue() == kind).map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * True when {@code name} is an architecture. Architectures are looked up in the STP setup the
     * checker carries from input to input, which knows them whatever the session stores them as.
     */
    static boolean isArch(Name name, CheckContext context) {
        return context.pruning().stp().archs().containsKey(name.text()) || isDefined(name, DefKind.ARCH, context);
    }

    /** The architectures defined so far, sorted. */
    static List<String> archs(CheckContext context) {
        return Stream.concat(context.pruning().stp().archs().keySet().stream(), defined(DefKind.ARCH, context).stream())
                .distinct().sorted().toList();
    }
}
