package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.Scoring;

import java.util.List;

/**
 * What an architecture name is bound to: a literal ({@code let a = arch ...}), whose inner widths
 * follow the stage widths when not given, or a search result, which remembers the run it was
 * searched on so that {@code extract} cuts it from that network and no later one.
 *
 * @param source   the run searched, or null for a literal (extracted from the session's last run)
 * @param strategy how it was found ({@code literal}, {@code evolutionary}, ...)
 * @param score    its KD loss against the full network on held-out data, NaN when not scored
 * @param scoring  the batch-norm calibration it was scored with, which extraction repeats; null for a
 *                 literal (extracted with {@link Scoring#defaults})
 */
public record ArchValue(List<Integer> depth, List<Double> width, List<Double> inner, Arch searched, RunRecord source,
                 String strategy, double score, Scoring scoring) {

    public static ArchValue literal(ArchExpr e) {
        return new ArchValue(e.depth().stream().map(Num::intValue).toList(),
                e.width().stream().map(Num::value).toList(),
                e.inner() == null ? null : e.inner().stream().map(Num::value).toList(), null, null, "literal", Double.NaN, null);
    }

    static ArchValue searched(Arch arch, RunRecord source, String strategy, double score, Scoring scoring) {
        return new ArchValue(arch.depth(), arch.width(), arch.inner(), arch, source, strategy, score, scoring);
    }

    /** A search not yet carried out (while resolving): nothing is known but that the name will be an architecture. */
    public static final ArchValue PLANNED = new ArchValue(List.of(), List.of(), null, null, null, "planned", Double.NaN,
            null);

    /** True for an arch literal, whose shape a model must fit; a search result's comes from the space. */
    public boolean isLiteral() {
        return source == null && searched == null && !equals(PLANNED);
    }

    Arch resolve(Architecture a) {
        if (searched != null) return searched;
        return inner != null ? new Arch(depth, width, inner) : Arch.coupled(a, depth, width);
    }
}
