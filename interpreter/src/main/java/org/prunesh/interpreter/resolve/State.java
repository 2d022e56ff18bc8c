package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.ArchExpr;
import org.prunesh.interpreter.ast.Block;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.exec.ArchValue;
import org.prunesh.interpreter.exec.Definition;
import org.prunesh.interpreter.exec.SessionState;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.ops.schedule.ScheduleSpec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The state a statement is resolved against, and what its checks read of it. There is one picture
 * of the settings, {@code planned}: the session's state with every statement so far applied that
 * was valid in itself and lowered (one that only conflicts with an earlier statement still applies).
 *
 * <p>{@code unknown} is error recovery only: what the statements that had errors gave without
 * saying what (a {@code data} with a bad option still gives data, a space with a bad width is still
 * a space, a {@code let} with an error still defines its name), so that one mistake is reported
 * once rather than again by every later statement that needs it. It holds no values.
 *
 * @param planned what the session's state would be after the statements so far
 * @param unknown what statements with errors (and {@code load}, whose model is known only when it is
 *                loaded) gave without a known value
 * @param runDone a run (or {@code prune now}, {@code load}) has happened or will have by now
 */
public record State(SessionState planned, Unknown unknown, boolean runDone) {

    /**
     * A fraction written with at most 15 significant digits reads back from its double (even from a
     * percent divided by 100: 33.3% is 0.33299999999999996) when rounded to 15 digits.
     */
    private static final MathContext WRITTEN = new MathContext(15);

    /** What a session's state gives the resolver: nothing unknown. */
    public static State of(SessionState s) {
        return new State(s, Unknown.NONE, s.lastRun() != null);
    }

    /** The parts of the state a statement with errors can leave given but not known. */
    enum Aspect { DATA, MODEL, SCHEDULE, GRANULARITY, BOUNDS, REGROW, SPACE, BUDGET, STIMULUS }

    /** @param names what a {@code let} or {@code search ... as} with errors defined each name as */
    record Unknown(Set<Aspect> aspects, Map<String, DefKind> names) {

        static final Unknown NONE = new Unknown(Set.of(), Map.of());

        Unknown {
            aspects = aspects.isEmpty() ? Set.of() : Set.copyOf(aspects);
            names = Map.copyOf(names);
        }

        /** After {@code s}: what it gives is known when it was applied (load's never is), else unknown. */
        Unknown after(Stmt s, boolean applied) {
            boolean known = applied && !(s instanceof Stmt.Load);
            Set<Aspect> a = aspects.isEmpty() ? EnumSet.noneOf(Aspect.class) : EnumSet.copyOf(aspects);
            Map<String, DefKind> n = new HashMap<>(names);
            for (Aspect given : gives(s)) {
                if (known) a.remove(given); else a.add(given);
            }
            String name = s instanceof Stmt.Let let ? let.name().text()
                    : s instanceof Stmt.Search search ? search.as().text() : null;
            if (name != null && known) n.remove(name);
            if (name != null && !known) n.put(name, kind(s));
            return new Unknown(a, n);
        }

        private static List<Aspect> gives(Stmt s) {
            if (s instanceof Stmt.Data) return List.of(Aspect.DATA);
            if (s instanceof Stmt.Model) return List.of(Aspect.MODEL);
            if (s instanceof Stmt.Load) return List.of(Aspect.DATA, Aspect.MODEL);
            if (s instanceof Stmt.Schedule) return List.of(Aspect.SCHEDULE);
            if (s instanceof Stmt.Granularity) return List.of(Aspect.GRANULARITY);
            if (s instanceof Stmt.Scope) return List.of(Aspect.BOUNDS);
            if (s instanceof Stmt.Regrow) return List.of(Aspect.REGROW);
            if (s instanceof Stmt.Space) return List.of(Aspect.SPACE);
            if (s instanceof Stmt.Budget) return List.of(Aspect.BUDGET);
            if (s instanceof Stmt.Stimulate) return List.of(Aspect.STIMULUS);
            return List.of();
        }

        private static DefKind kind(Stmt s) {
            if (!(s instanceof Stmt.Let let) || let.value() instanceof ArchExpr) return DefKind.ARCH;
            if (let.value() instanceof Block) return DefKind.BLOCK;
            return let.value() instanceof ScheduleExpr ? DefKind.SCHEDULE : DefKind.SELECTION;
        }
    }

    /** After a statement that was applied: {@code next} is the planned state with it. */
    State applied(Stmt s, SessionState next, boolean runs) {
        return new State(next, unknown.after(s, true), runDone || runs);
    }

    /** After a statement that had errors (or could not be lowered): the planned state stays as it was. */
    State unresolved(Stmt s) {
        return new State(planned, unknown.after(s, false), runDone);
    }

    State withPlanned(SessionState p) {
        return new State(p, unknown, runDone);
    }

    boolean hasData() {
        return planned.data() != null || unknown.aspects().contains(Aspect.DATA);
    }

    boolean hasModel() {
        return planned.model() != null || unknown.aspects().contains(Aspect.MODEL);
    }

    /** True when {@code name} is defined as {@code kind}. */
    boolean is(Name name, DefKind kind) {
        return kind(name.text()) == kind;
    }

    /** What {@code name} is defined as, or null. */
    DefKind kind(String name) {
        DefKind erred = unknown.names().get(name);
        return erred != null ? erred : DefKind.of(planned.definitions().get(name));
    }

    /** The names defined as {@code kind}, sorted, for "expected one of" lists. */
    List<String> defined(DefKind kind) {
        return Stream.concat(planned.definitions().keySet().stream(), unknown.names().keySet().stream())
                .distinct().filter(name -> kind(name) == kind).sorted().toList();
    }

    /** The final sparsity of the schedule in force; null when it prunes nothing or is not known. */
    BigDecimal target() {
        return known(Aspect.SCHEDULE) ? finalSparsity(planned.pruning().schedule()) : null;
    }

    /** The final sparsity of the schedule defined as {@code name}, where known. */
    BigDecimal scheduleTarget(String name) {
        return !unknown.names().containsKey(name) && planned.definitions().get(name) instanceof Definition.Schedule s
                ? finalSparsity(s.spec()) : null;
    }

    /** The granularity in force as a script names it; null when the last one given had errors. */
    String granularity() {
        if (!known(Aspect.GRANULARITY)) return null;
        Granularity g = planned.pruning().granularity();
        return g instanceof Granularity.NM ? Vocabulary.NM : g instanceof Granularity.Channel ? Vocabulary.CHANNEL
                : Vocabulary.UNSTRUCTURED;
    }

    /** The N:M pattern in force, or null. */
    Granularity.NM nm() {
        return known(Aspect.GRANULARITY) && planned.pruning().granularity() instanceof Granularity.NM nm ? nm : null;
    }

    /** The scope's density floor, or null when there is none (or it is not known). */
    BigDecimal floor() {
        DensityBounds b = planned.pruning().bounds();
        return known(Aspect.BOUNDS) && b.min() > 0 ? written(b.min()) : null;
    }

    /** The scope's density cap, or null when there is none (or it is not known). */
    BigDecimal cap() {
        DensityBounds b = planned.pruning().bounds();
        return known(Aspect.BOUNDS) && b.max() < 1 ? written(b.max()) : null;
    }

    /** The regrowth method in force; null when regrowth is off or not known. */
    String regrow() {
        var r = planned.pruning().regrowth();
        return known(Aspect.REGROW) && r != null ? r.method().name().toLowerCase(java.util.Locale.ROOT) : null;
    }

    /**
     * The model a space or an arch must fit, as the language names it; null before one, after one
     * with errors, and after {@code load} in this script (whose model is known only when it is loaded).
     */
    String model() {
        String name = planned.model() == null ? null : planned.model().name();
        return known(Aspect.MODEL) && name != null && Vocabulary.MODELS.contains(name) ? name : null;
    }

    /** True while the model is built from an architecture ({@code model resnet20 arch a;}). */
    boolean scratch() {
        return known(Aspect.MODEL) && planned.stp().scratch() != null;
    }

    boolean hasSpace() {
        return planned.stp().space() != null || unknown.aspects().contains(Aspect.SPACE);
    }

    /** The largest depth of each stage of the space in force; empty when there is none or it had errors. */
    List<Integer> spaceDepths() {
        return hasSpace() && known(Aspect.SPACE)
                ? planned.stp().space().depth().stream().map(d -> d.max()).toList() : List.of();
    }

    boolean hasBudget() {
        return planned.stp().budget() != null || unknown.aspects().contains(Aspect.BUDGET);
    }

    /** True while stimulative training is on (after {@code stimulate ...;}, until {@code stimulate off;}). */
    boolean stimulates() {
        return planned.stp().stimulus() != null || unknown.aspects().contains(Aspect.STIMULUS);
    }

    /** The arch literals defined so far, by name; search results (shaped by the space) are not among them. */
    Map<String, ArchValue> archLiterals() {
        Map<String, ArchValue> out = new TreeMap<>();
        planned.definitions().forEach((name, value) -> {
            boolean known = !unknown.names().containsKey(name);
            if (known && value instanceof Definition.Architecture a && a.arch().isLiteral()) out.put(name, a.arch());
        });
        return out;
    }

    private boolean known(Aspect aspect) {
        return !unknown.aspects().contains(aspect);
    }

    /** The sparsity a schedule prunes to; null for dense training. */
    private static BigDecimal finalSparsity(ScheduleSpec spec) {
        return spec instanceof NoPruningSpec ? null : written(spec.finalSparsity());
    }

    /** A fraction lowered to a double, read back as the script wrote it: 90% and 0.90 read 0.9. */
    private static BigDecimal written(double fraction) {
        return new BigDecimal(fraction).round(WRITTEN).stripTrailingZeros();
    }
}
