package org.prunesh.interpreter.check;

import org.prunesh.interpreter.ast.Name;

import java.util.List;
import java.util.Map;

/** Lookups of names defined with {@code let}. */
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
}
