package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Span;

import java.util.List;
import java.util.function.Function;

/**
 * Checks of architectures: arch literals, the names that {@code extract} and {@code show} use, and
 * how a space or an arch fits the model, reported at whichever of the two comes later.
 */
final class ArchChecks extends CheckRules {

    ArchChecks(Problems problems) {
        super(problems);
    }

    /** {@code let NAME = arch ...}, against the model in force. */
    void let(Name name, ArchExpr arch, State st) {
        names.definable(name);
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
        List<Integer> depths = depthsValid ? arch.depth().stream().map(Num::intValue).toList() : List.of();
        int inner = arch.inner() == null ? -1 : arch.inner().size();
        if (st.model() != null) {
            for (ModelFit.Misfit misfit : ModelFit.arch(name.text(), st.model(), depths, inner)) {
                Span at = switch (misfit.part()) {
                    case WHOLE -> arch.span();
                    case DEPTH_COUNT -> countAt(arch.depth(), misfit.index(), Num::span);
                    case DEPTH -> arch.depth().get(misfit.index()).span();
                    case INNER_COUNT -> countAt(arch.inner(), misfit.index(), Num::span);
                };
                problems.conflict(at, misfit.message());
            }
        }
    }

    /** A space given while {@code model} is in force, reported at the space's parts. */
    void spaceFits(Stmt.Space space, List<Integer> maxDepths, String model) {
        for (ModelFit.Misfit misfit : ModelFit.space(model, maxDepths)) {
            Span at = switch (misfit.part()) {
                case WHOLE, INNER_COUNT -> space.span();
                case DEPTH_COUNT -> countAt(space.depth(), misfit.index(), r -> r.span());
                case DEPTH -> space.depth().get(misfit.index()).max().span();
            };
            problems.conflict(at, misfit.message());
        }
    }

    /**
     * A model statement: the space and the arch literals given before it must fit a new model;
     * reported at the model's name.
     */
    void model(Name model, State st) {
        String name = model.text();
        if (!Vocabulary.MODELS.contains(name) || name.equals(st.model())) {
            return;              // unknown, or what fits it was checked when it came first
        }
        if (st.hasSpace()) {
            ModelFit.space(name, st.spaceDepths()).forEach(m -> problems.conflict(model.span(), m.message()));
        }
        st.archLiterals().forEach((arch, value) -> ModelFit.arch(arch, name, value.depth(),
                        value.inner() == null ? -1 : value.inner().size())
                .forEach(m -> problems.conflict(model.span(), m.message())));
    }

    /** The architecture {@code extract} builds: true when {@code name} is one, else reports what it is. */
    boolean extracted(Name name, State st) {
        if (st.is(name, DefKind.ARCH)) {
            return true;
        }
        if (!otherKind(name, st)) {
            List<String> defined = st.defined(DefKind.ARCH);
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
    void shown(Name what, State st) {
        if (Vocabulary.SHOWS.contains(what.text()) || st.is(what, DefKind.ARCH) || otherKind(what, st)) {
            return;
        }
        names.known(what, Vocabulary.SHOWS, st.defined(DefKind.ARCH), "");
    }

    /** True (and reported) when {@code name} is defined as something other than an architecture. */
    private boolean otherKind(Name name, State st) {
        DefKind kind = st.kind(name.text());
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
