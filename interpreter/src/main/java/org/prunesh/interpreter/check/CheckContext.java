package org.prunesh.interpreter.check;

import java.util.HashMap;
import java.util.Map;

/**
 * What the session already holds when a script is checked: names defined with {@code let} in
 * earlier inputs, and whether data and a model have been given.
 */
public record CheckContext(Map<String, DefKind> definitions, boolean hasData, boolean hasModel) {

    public static final CheckContext EMPTY = new CheckContext(Map.of(), false, false);

    public CheckContext {
        definitions = Map.copyOf(definitions);
    }

    public CheckContext define(String name, DefKind kind) {
        Map<String, DefKind> more = new HashMap<>(definitions);
        more.put(name, kind);
        return new CheckContext(more, hasData, hasModel);
    }

    public CheckContext withData() {
        return new CheckContext(definitions, true, hasModel);
    }

    public CheckContext withModel() {
        return new CheckContext(definitions, hasData, true);
    }
}
