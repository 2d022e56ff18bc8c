package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Span;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks of architectures: arch literals, the names that {@code extract} and {@code show} use, and
 * how a space or an arch fits the model, reported at whichever of the two comes later.
 */
final class ArchChecks extends CheckRules {

    ArchChecks(Problems problems) {
        super(problems);
    }

    /** {@code let NAME = arch ...}: returns the context with NAME defined as an architecture. */
    CheckContext let(Name name, ArchExpr arch, CheckContext context) {
        int before = problems.count();
        arch.depth().forEach(d -> numbers.whole(d, "a depth", 1, NumberRules.MAX_INT));
        boolean depthsValid = problems.count() == before;
        arch.width().forEach(w -> numbers.aboveAtMost(w, "a width", 0, 1));
        if (arch.inner() != null) {
            arch.inner().forEach(w -> numbers.aboveAtMost(w, "an inner width", 0, 1));
        }
        int stages = arch.depth().size();
        if (arch.width().size() != stages) {
            problems.error(countAt(arch.width(), stages, Num::span), "arch '" + name.text() + "' gives "
                    + ModelFit.counted(stages, "depth", "depths") + " but "
                    + ModelFit.counted(arch.width().size(), "width", "widths") + ": it needs one width per stage");
        }
        StpSetup.ArchShape shape = new StpSetup.ArchShape(
                depthsValid ? arch.depth().stream().map(Num::intValue).toList() : List.of(),
                arch.inner() == null ? -1 : arch.inner().size());
        String model = context.pruning().stp().model();
        if (model != null) {
            for (ModelFit.Misfit misfit : ModelFit.arch(name.text(), model, shape.depths(), shape.inner())) {
                Span at = switch (misfit.part()) {
                    case WHOLE -> arch.span();
                    case DEPTH_COUNT -> countAt(arch.depth(), misfit.index(), Num::span);
                    case DEPTH -> arch.depth().get(misfit.index()).span();
                    case INNER_COUNT -> countAt(arch.inner(), misfit.index(), Num::span);
                };
                problems.error(at, misfit.message());
            }
        }
        return define(name, shape, context);
    }

    /** Defines {@code name} as an architecture of {@code shape}, in place of whatever it named before. */
    CheckContext define(Name name, StpSetup.ArchShape shape, CheckContext context) {
        names.definable(name);
        String text = name.text();
        PruningSetup pruning = context.pruning();
        return context.define(text, DefKind.ARCH)
                .withPruning(pruning.withScheduleTarget(text, null).withStp(pruning.stp().withArch(text, shape)));
    }

    /** A space given while {@code model} is in force, reported at the space's parts. */
    void spaceFits(Stmt.Space space, StpSetup.SpaceShape shape, String model) {
        for (ModelFit.Misfit misfit : ModelFit.space(model, shape.maxDepths())) {
            Span at = switch (misfit.part()) {
                case WHOLE, INNER_COUNT -> space.span();
                case DEPTH_COUNT -> countAt(space.depth(), misfit.index(), r -> r.span());
                case DEPTH -> space.depth().get(misfit.index()).max().span();
            };
            problems.error(at, misfit.message());
        }
    }

    /**
     * A model statement: the space and the arch literals given before it must fit a new model;
     * reported at the model's name. Returns the setup with the model in force (none when unknown).
     */
    StpSetup model(Name model, boolean known, StpSetup now) {
        if (!known) {
            return now.withModel(null);
        }
        String name = model.text();
        if (name.equals(now.model())) {
            return now;          // what fits it was checked when it came first
        }
        if (now.space() != null) {
            ModelFit.space(name, now.space().maxDepths()).forEach(m -> problems.error(model.span(), m.message()));
        }
        now.archs().entrySet().stream()
                .filter(e -> !e.getValue().equals(StpSetup.ArchShape.SEARCHED))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> ModelFit.arch(e.getKey(), name, e.getValue().depths(), e.getValue().inner())
                        .forEach(m -> problems.error(model.span(), m.message())));
        return now.withModel(name);
    }

    /** The architecture {@code extract} builds: true when {@code name} is one, else reports what it is. */
    boolean extracted(Name name, CheckContext context) {
        if (Names.isArch(name, context)) {
            return true;
        }
        if (!otherKind(name, context)) {
            List<String> defined = Names.archs(context);
            if (defined.isEmpty()) {
                problems.error(name.span(), "'" + name.text() + "' is not an architecture: define one with 'let "
                        + name.text() + " = arch ...;' or 'search ... as " + name.text() + ";'");
            } else {
                names.known(name, Vocabulary.ARCHITECTURES, defined, "");
            }
        }
        return false;
    }

    /** {@code show schedule} or {@code show NAME} of an architecture. */
    void shown(Name what, CheckContext context) {
        if (Vocabulary.SHOWS.contains(what.text()) || Names.isArch(what, context) || otherKind(what, context)) {
            return;
        }
        names.known(what, Vocabulary.SHOWS, Names.archs(context), "");
    }

    /** True (and reported) when {@code name} is defined as something other than an architecture. */
    private boolean otherKind(Name name, CheckContext context) {
        DefKind kind = context.definitions().get(name.text());
        if (kind == null || kind == DefKind.ARCH) {
            return false;
        }
        problems.error(name.span(), "'" + name.text() + "' is a " + kind.word() + ", not an architecture");
        return true;
    }

    /** Where a list has the wrong length: at its first extra item, or at its last when it is short. */
    private static <T> Span countAt(List<T> items, int expected, Function<T, Span> span) {
        return span.apply(items.get(Math.min(expected, items.size() - 1)));
    }
}
