package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.DepthRange;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.WidthChoices;

import org.prunesh.ops.stp.Stimulus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks of the STP statements that set up training and search: space, budget, stimulate and
 * search, and the rule that a run does not both stimulate subnets and follow a sparsity schedule.
 * Architectures are {@link ArchChecks}' concern.
 */
final class StpChecks extends CheckRules {

    /** Two width steps that differ by less than this count as a whole number of steps (0.1 has no exact double). */
    private static final BigDecimal STEP_TOLERANCE = new BigDecimal("1e-9");
    private static final String ADD_SPACE = "'space depth [...] width ...;'";
    private static final String ADD_BUDGET = "'budget flops ...;'";

    private final ArchChecks archs;

    StpChecks(Problems problems, ArchChecks archs) {
        super(problems);
        this.archs = archs;
    }

    void space(Stmt.Space space, State st) {
        List<Integer> maxDepths = new ArrayList<>();
        boolean depthsValid = true;
        for (DepthRange range : space.depth()) {
            Optional<Integer> max = depth(range);
            depthsValid &= max.isPresent();
            max.ifPresent(maxDepths::add);
        }
        width(space.width());
        if (space.importance() != null) {
            names.known(space.importance(), Vocabulary.IMPORTANCES);
        }
        if (space.refresh() != null) {
            numbers.quantity(space.refresh(), "'refresh'", true);
        }
        if (st.model() != null) {
            archs.spaceFits(space, depthsValid ? maxDepths : List.of(), st.model());
        }
    }

    /** A stage's depth choices: whole numbers of at least 1, low end first. Returns the largest when valid. */
    private Optional<Integer> depth(DepthRange range) {
        int before = problems.count();
        numbers.whole(range.min(), "a depth", 1, NumberRules.MAX_INT);
        if (!range.single()) {
            numbers.whole(range.max(), "a depth", 1, NumberRules.MAX_INT);
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        if (range.min().intValue() > range.max().intValue()) {
            problems.error(range.span(), "depth range " + range.min().text() + ".." + range.max().text()
                    + " runs backwards: write " + range.max().text() + ".." + range.min().text());
            return Optional.empty();
        }
        return Optional.of(range.max().intValue());
    }

    /** Every width a share in (0, 1]; a range runs forwards in whole steps. */
    private void width(WidthChoices width) {
        if (!width.isRange()) {
            width.values().forEach(w -> numbers.aboveAtMost(w, "a width", 0, 1));
            return;
        }
        int before = problems.count();
        numbers.aboveAtMost(width.from(), "a width", 0, 1);
        numbers.aboveAtMost(width.to(), "a width", 0, 1);
        numbers.above(width.step(), "'step'", 0);
        if (problems.count() > before) {
            return;
        }
        String written = width.from().text() + ".." + width.to().text();
        BigDecimal span = width.to().exact().subtract(width.from().exact());
        if (span.signum() < 0) {
            problems.error(width.span(), "width range " + written + " runs backwards: write "
                    + width.to().text() + ".." + width.from().text());
            return;
        }
        BigDecimal steps = span.divide(width.step().exact(), MathContext.DECIMAL64);
        BigDecimal nearest = steps.setScale(0, RoundingMode.HALF_UP);
        if (steps.subtract(nearest).abs().compareTo(STEP_TOLERANCE) > 0) {
            problems.error(width.step().span(), "width range " + written + " is not a whole number of steps of "
                    + width.step().text() + " (it is " + NumberRules.plain(steps.round(new MathContext(4))) + " steps)");
        }
    }

    void budget(Stmt.Budget budget) {
        Name metric = budget.metric();
        if (metric.text().equals("params") || metric.text().equals("parameters")) {
            problems.error(metric.span(), "budget counts flops; params budgets are not supported");
        } else {
            names.known(metric, Vocabulary.BUDGET_METRICS);
        }
        numbers.share(budget.fraction(), "the budget");
    }

    void stimulate(Stmt.Stimulate stimulate, State st) {
        if (stimulate.off()) {
            return;
        }
        Options given = stimulate.options();
        options.noRepeats(given);
        if (!st.hasSpace()) {
            problems.error(stimulate.span(), "stimulate needs a space: add " + ADD_SPACE + " before it");
        }
        given.number(OptionKey.SUBNETS).ifPresent(n -> numbers.whole(n, "'subnets'", 1, Stimulus.MAX_SUBNETS));
        given.number(OptionKey.LAMBDA).ifPresent(n -> numbers.above(n, "'lambda'", 0));
        given.number(OptionKey.TEMPERATURE).ifPresent(n -> numbers.above(n, "'temperature'", 0));
        Optional<Name> expansion = given.value(OptionKey.EXPANSION).map(v -> ((Ident) v).name());
        if (expansion.map(e -> names.known(e, Vocabulary.EXPANSIONS)).orElse(true)) {
            String sampler = expansion.map(Name::text).orElse(Vocabulary.NO_EXPANSION);
            options.applicable(given, Vocabulary.EXPANSION_OPTIONS, sampler, true);
            if (!st.hasBudget() && !sampler.equals(Vocabulary.NO_EXPANSION)) {
                problems.error(expansion.get().span(), "expansion " + sampler + (sampler.equals(Vocabulary.MUTATE)
                        ? " expands toward" : " draws under") + " the budget: add " + ADD_BUDGET + " before it");
            }
        }
        given.quantity(OptionKey.UNTIL).ifPresent(q -> numbers.quantity(q, "'until'", true));
        given.number(OptionKey.MIN).ifPresent(n -> numbers.closedFraction(n, "'min' (a share of the budget)"));
        Optional<Name> order = given.value(OptionKey.ORDER).map(v -> ((Ident) v).name());
        if (order.map(o -> names.known(o, Vocabulary.WIDTH_ORDERS)).orElse(true)) {
            options.applicable(given, Vocabulary.ORDER_OPTIONS, order.map(Name::text).orElse(Vocabulary.DEFAULT_ORDER),
                    true);
            order.ifPresent(o -> options.required(given, Vocabulary.ORDER_OPTIONS, o));
        }
        given.quantity(OptionKey.AFTER).ifPresent(q -> numbers.quantity(q, "'after'", false));
    }

    /** Checks a search, whose result is defined as an architecture. */
    void search(Stmt.Search search, State st) {
        names.definable(search.as());
        List<String> missing = new ArrayList<>();
        if (!st.hasSpace()) missing.add("a space");
        if (!st.hasBudget()) missing.add("a budget");
        if (!missing.isEmpty()) {
            List<String> adds = new ArrayList<>();
            if (!st.hasSpace()) adds.add(ADD_SPACE);
            if (!st.hasBudget()) adds.add(ADD_BUDGET);
            problems.error(search.span(), "search needs " + String.join(" and ", missing) + ": add "
                    + String.join(" and ", adds) + " before it");
        }
        Options given = search.options();
        options.noRepeats(given);
        if (names.known(search.strategy(), Vocabulary.SEARCH_STRATEGIES)) {
            options.applicable(given, Vocabulary.SEARCH_OPTIONS, search.strategy().text(), true);
        }
        given.number(OptionKey.POPULATION).ifPresent(n -> numbers.whole(n, "'population'", 2, NumberRules.MAX_INT));
        for (OptionKey count : List.of(OptionKey.GENERATIONS, OptionKey.SAMPLES, OptionKey.BATCHES, OptionKey.CALIBRATION)) {
            given.number(count).ifPresent(n -> numbers.whole(n, "'" + count.text() + "'", 1, NumberRules.MAX_INT));
        }
        given.number(OptionKey.MUTATION).ifPresent(n -> numbers.aboveAtMost(n, "'mutation'", 0, 1));
        given.number(OptionKey.CROSSOVER).ifPresent(n -> numbers.probability(n, "'crossover'"));
        given.number(OptionKey.SEED).ifPresent(n -> numbers.whole(n, "'seed'", 0, Long.MAX_VALUE));
        given.number(OptionKey.MIN).ifPresent(n -> numbers.closedFraction(n, "'min' (a share of the budget)"));
    }

    /**
     * STP trains without pruning and cuts by extraction; a schedule's masks would zero the weights
     * the subnets share, so one run does not do both.
     */
    void run(Stmt.Run run, State st) {
        if (st.stimulates() && st.target() != null) {
            problems.error(run.span(), "a run cannot both stimulate subnets and follow a sparsity schedule: add "
                    + "'stimulate off;' or 'schedule none;' before it");
        }
        if (st.stimulates() && st.scratch()) {
            problems.error(run.span(), "a model built from an arch trains without subnets: add 'stimulate off;' "
                    + "before the run, or give the model without 'arch'");
        }
    }
}
