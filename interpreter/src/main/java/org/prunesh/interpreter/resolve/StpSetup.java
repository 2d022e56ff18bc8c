package org.prunesh.interpreter.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the STP statements checked so far leave in force, as far as later statements are checked
 * against it: the model a space or an arch must fit, whether a space and a budget have been given,
 * whether stimulative training is on, and the architectures defined so far. Like
 * {@link PruningSetup} (which carries it, so that it spans REPL inputs) it holds values, not spans:
 * a conflict is reported at whichever of two statements comes later.
 *
 * <p>A statement with errors still counts (a space with a bad width is still a space), so that
 * one mistake is reported once rather than again by every statement that needs it.
 *
 * @param model     the model of the last {@code model} statement when its name is known; null before
 *                  one, after an unknown one, and after {@code load} (whose model the checker cannot see)
 * @param space     the space in force, or null before any
 * @param budget    true once a budget has been given
 * @param stimulate true while stimulative training is on (after {@code stimulate ...;}, until {@code stimulate off;})
 * @param archs     every architecture defined so far, by {@code let NAME = arch ...} or {@code search ... as NAME}
 * @param scratch   true while the model is built from an architecture ({@code model resnet20 arch a;})
 */
public record StpSetup(String model, SpaceShape space, boolean budget, boolean stimulate,
                       Map<String, ArchShape> archs, boolean scratch) {

    /** What a session starts with: no model, space or budget, stimulative training off, no architectures. */
    public static final StpSetup NONE = new StpSetup(null, null, false, false, Map.of(), false);

    public StpSetup {
        archs = Map.copyOf(archs);
    }

    /** A setup whose model is a whole one. */
    public StpSetup(String model, SpaceShape space, boolean budget, boolean stimulate, Map<String, ArchShape> archs) {
        this(model, space, budget, stimulate, archs, false);
    }

    /**
     * A space as far as a model statement after it is checked against it.
     *
     * @param maxDepths the largest depth of each stage, in order; empty when an entry was invalid
     *                  (already reported), so that nothing is compared
     */
    public record SpaceShape(List<Integer> maxDepths) {
        public SpaceShape {
            maxDepths = List.copyOf(maxDepths);
        }
    }

    /**
     * An architecture as far as a model statement after it is checked against it.
     *
     * @param depths the blocks kept per stage of an arch literal; empty for a search result (which
     *               the space bounds) and for a literal with an invalid depth
     * @param inner  how many inner widths an arch literal gives; -1 when it gives none, or for a search result
     */
    public record ArchShape(List<Integer> depths, int inner) {

        /** A search result: its shape comes from the space, which is checked on its own. */
        public static final ArchShape SEARCHED = new ArchShape(List.of(), -1);

        public ArchShape {
            depths = List.copyOf(depths);
        }
    }

    public StpSetup withModel(String name) {
        return new StpSetup(name, space, budget, stimulate, archs, scratch);
    }

    public StpSetup withSpace(SpaceShape s) {
        return new StpSetup(model, s, budget, stimulate, archs, scratch);
    }

    public StpSetup withBudget() {
        return new StpSetup(model, space, true, stimulate, archs, scratch);
    }

    public StpSetup withStimulate(boolean on) {
        return new StpSetup(model, space, budget, on, archs, scratch);
    }

    public StpSetup withArch(String name, ArchShape shape) {
        Map<String, ArchShape> more = new HashMap<>(archs);
        more.put(name, shape);
        return new StpSetup(model, space, budget, stimulate, more, scratch);
    }

    public StpSetup withScratch(boolean fromArch) {
        return new StpSetup(model, space, budget, stimulate, archs, fromArch);
    }

    /** Forgets an architecture whose name a {@code let} has given to a schedule or a selection. */
    public StpSetup withoutArch(String name) {
        if (!archs.containsKey(name)) {
            return this;
        }
        Map<String, ArchShape> fewer = new HashMap<>(archs);
        fewer.remove(name);
        return new StpSetup(model, space, budget, stimulate, fewer, scratch);
    }
}
