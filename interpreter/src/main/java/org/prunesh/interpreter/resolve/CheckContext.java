package org.prunesh.interpreter.resolve;

import java.util.HashMap;
import java.util.Map;

/**
 * What the session already holds when a script is checked: names defined with {@code let} in
 * earlier inputs, whether data and a model have been given, and the pruning settings that later
 * statements are checked against.
 */
public record CheckContext(Map<String, DefKind> definitions, boolean hasData, boolean hasModel,
                           PruningSetup pruning) {

    public static final CheckContext EMPTY = new CheckContext(Map.of(), false, false);

    public CheckContext {
        definitions = Map.copyOf(definitions);
    }

    /**
     * A context whose pruning settings are the defaults. Checks between statements then only
     * compare statements of the script being checked, so they never report a conflict that an
     * earlier input has since resolved.
     */
    public CheckContext(Map<String, DefKind> definitions, boolean hasData, boolean hasModel) {
        this(definitions, hasData, hasModel, PruningSetup.DEFAULT);
    }

    public CheckContext define(String name, DefKind kind) {
        Map<String, DefKind> more = new HashMap<>(definitions);
        more.put(name, kind);
        return new CheckContext(more, hasData, hasModel, pruning);
    }

    public CheckContext withData() {
        return new CheckContext(definitions, true, hasModel, pruning);
    }

    public CheckContext withModel() {
        return new CheckContext(definitions, hasData, true, pruning);
    }

    public CheckContext withPruning(PruningSetup setup) {
        return new CheckContext(definitions, hasData, hasModel, setup);
    }
}
