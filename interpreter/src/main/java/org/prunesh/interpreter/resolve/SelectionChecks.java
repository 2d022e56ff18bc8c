package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.PoolExpr;
import org.prunesh.interpreter.ast.ScoreVariant;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.StageExpr;
import org.prunesh.interpreter.diag.Span;
import org.prunesh.ops.prune.Selection;

import java.util.List;

/**
 * Checks of a selection: a defined name, or a chain of stages where every stage but the last
 * hands a pool (a fixed {@code ratio} or an annealed {@code pool}) to the next, and only
 * {@code gradient} takes a variant ({@code mean K}, {@code ema B}).
 */
final class SelectionChecks extends CheckRules {

    SelectionChecks(Problems problems) {
        super(problems);
    }

    void check(SelectExpr select, State st) {
        List<StageExpr> stages = select.stages();
        StageExpr only = stages.get(0);
        if (stages.size() == 1 && !Vocabulary.SCORES.contains(only.score().text()) && st.is(only.score(), DefKind.ARCH)) {
            problems.error(only.score().span(), "'" + only.score().text() + "' is an architecture; expected a selection");
            return;
        }
        if (stages.size() == 1 && st.is(only.score(), DefKind.SELECTION)) {
            Span extra = only.variant() != null ? only.variant().span() : only.pool() != null ? only.pool().span() : null;
            if (extra != null) {
                problems.error(extra, "'" + only.score().text() + "' is a defined selection and takes no options");
            }
            return;
        }
        if (stages.size() == 1 && only.variant() == null && only.pool() == null) {
            Name name = only.score();
            if (Vocabulary.SCORES.contains(name.text())) {
                return;
            }
            if (st.is(name, DefKind.SCHEDULE)) {
                problems.error(name.span(), "'" + name.text() + "' is a schedule; expected a selection");
            } else {
                names.known(name, Vocabulary.SCORES, st.defined(DefKind.SELECTION), "");
            }
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            stage(stages.get(i), !Selection.needsPool(i, stages.size()), st);
        }
    }

    /** @param last the stage takes no pool: by ops' rule of chains, it is the last */
    private void stage(StageExpr stage, boolean last, State st) {
        Name score = stage.score();
        boolean known = Vocabulary.SCORES.contains(score.text());
        if (!known) {
            if (st.is(score, DefKind.ARCH)) {
                problems.error(score.span(), "'" + score.text() + "' is an architecture; expected a score");
            } else if (st.is(score, DefKind.SELECTION)) {
                problems.error(score.span(), "'" + score.text()
                        + "' is a selection and cannot be a stage of a chain; expected a score");
            } else if (st.is(score, DefKind.SCHEDULE)) {
                problems.error(score.span(), "'" + score.text() + "' is a schedule; expected a score");
            } else {
                names.known(score, Vocabulary.SCORES);
            }
        }
        if (stage.variant() != null) {
            variant(stage.variant(), score, known);
        }
        PoolExpr pool = stage.pool();
        if (last && pool != null) {
            String word = pool instanceof PoolExpr.Fixed ? "ratio" : "pool";
            Span at = pool instanceof PoolExpr.Fixed fixed ? fixed.ratio().span() : pool.span();
            problems.error(at, "the last stage takes no '" + word + "': add 'then <score>' after it");
        } else if (!last && pool == null) {
            problems.error(score.span(), "'" + score.text() + "' needs a 'ratio' or a 'pool' before 'then'");
        } else if (pool instanceof PoolExpr.Fixed fixed) {
            numbers.share(fixed.ratio(), "'ratio'");
        } else if (pool instanceof PoolExpr.Annealed annealed) {
            names.known(annealed.curve(), Vocabulary.POOL_CURVES);
            numbers.closedFraction(annealed.from(), "an annealed pool ratio");
            numbers.closedFraction(annealed.to(), "an annealed pool ratio");
        }
    }

    /** Variants belong to the gradient score; of an unknown score only the name is reported. */
    private void variant(ScoreVariant variant, Name score, boolean known) {
        String kind = variant.kind().text();
        if (known && !Vocabulary.SCORES_WITH_VARIANTS.contains(score.text())) {
            List<String> takers = Vocabulary.SCORES_WITH_VARIANTS.stream().map(Vocabulary.SCORES::phrase).toList();
            problems.error(variant.kind().span(), "'" + kind + "' applies only to " + String.join(" and ", takers));
            return;
        }
        if (kind.equals(ScoreVariant.MEAN)) {
            numbers.whole(variant.value(), "'mean'", 1, NumberRules.MAX_INT);
        } else {
            numbers.openUnit(variant.value(), "'ema'");
        }
    }
}
