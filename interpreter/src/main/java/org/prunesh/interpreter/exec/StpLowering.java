package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.DepthRange;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.WidthChoices;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.stp.ArchSpace;
import org.prunesh.ops.stp.ExpansionSampler;
import org.prunesh.ops.stp.Importance;
import org.prunesh.ops.stp.StimulativeTraining;
import org.prunesh.ops.stp.SubnetSampler;
import org.prunesh.ops.stp.UniformSampler;

import java.util.List;

/** Turns the checked STP statements into the ops library's values. */
public final class StpLowering {

    static final int DEFAULT_SUBNETS = org.prunesh.ops.stp.Stimulus.DEFAULT_SUBNETS;
    static final double DEFAULT_LAMBDA = org.prunesh.ops.stp.Stimulus.DEFAULT_LAMBDA;
    static final double DEFAULT_TEMPERATURE = org.prunesh.ops.stp.Stimulus.DEFAULT_TEMPERATURE;
    static final StpState.Until DEFAULT_UNTIL = new StpState.Until(50, Quantity.Unit.PERCENT);

    private StpLowering() {
    }

    public static Setting.Space space(Stmt.Space st) {
        List<ArchSpace.DepthRange> depth = st.depth().stream()
                .map((DepthRange d) -> new ArchSpace.DepthRange(d.min().intValue(), d.max().intValue())).toList();
        WidthChoices w = st.width();
        List<Double> widths = w.values() != null ? w.values().stream().map(Num::value).toList()
                : ArchSpace.widthGrid(w.from().value(), w.to().value(), w.step().value());
        Importance importance = st.importance() == null ? Importance.L1
                : Importance.valueOf(st.importance().text().toUpperCase());
        StpState.Interval refresh = st.refresh() == null ? StpState.INITIAL.refresh()
                : new StpState.Interval(st.refresh().amount().longValue(), st.refresh().unit() == Quantity.Unit.EPOCHS);
        return new Setting.Space(new ArchSpace(depth, widths, st.perBlock()), importance, refresh);
    }

    public static Setting.Stimulate stimulate(Stmt.Stimulate st) {
        if (st.off()) return new Setting.Stimulate(null);
        Options o = st.options();
        // As the checker reads it: without 'expansion mutate' subnets come from the whole space.
        boolean expansion = o.name("expansion").orElse("off").equals("mutate");
        StpState.Until until = o.quantity("until")
                .map(q -> new StpState.Until(q.amount().value(), q.unit())).orElse(DEFAULT_UNTIL);
        return new Setting.Stimulate(new StpState.Stimulus(
                o.number("subnets").map(Num::intValue).orElse(DEFAULT_SUBNETS),
                o.number("lambda").map(Num::value).orElse(DEFAULT_LAMBDA),
                o.number("temperature").map(Num::value).orElse(DEFAULT_TEMPERATURE),
                expansion ? until : null));
    }

    /** A search with the defaults of what it does not give. */
    public static SearchSpec search(Stmt.Search st) {
        Options o = st.options();
        return new SearchSpec(st.strategy().text(), o.number("seed").map(Num::longValue).orElse(null),
                o.number("population").map(Num::intValue).orElse(StpExecutor.DEFAULT_POPULATION),
                o.number("generations").map(Num::intValue).orElse(StpExecutor.DEFAULT_GENERATIONS),
                o.number("mutation").map(Num::value).orElse(StpExecutor.DEFAULT_MUTATION),
                o.number("crossover").map(Num::value).orElse(StpExecutor.DEFAULT_CROSSOVER),
                o.number("samples").map(Num::intValue).orElse(StpExecutor.DEFAULT_SAMPLES),
                o.number("batches").map(Num::intValue).orElse(StpExecutor.DEFAULT_HELD_OUT_BATCHES),
                o.number("calibration").map(Num::intValue).orElse(StpExecutor.DEFAULT_CALIBRATION_BATCHES));
    }


    /** The sampler and channel-order refresh of a stimulative run on {@code net}. */
    static StimulativeTraining hook(SessionState s, Network net, StepClock clock) {
        StpState stp = s.stp();
        StpState.Stimulus st = stp.stimulus();
        SubnetSampler sampler = st.until() == null
                ? new UniformSampler(stp.space(), net.architecture())
                : new ExpansionSampler(stp.space(), net.architecture(), stp.budget(), st.until().fraction(clock));
        return new StimulativeTraining(net, sampler, stp.importance(), stp.refresh().steps(clock.stepsPerEpoch()),
                s.seed());
    }

    /** The stimulative-training settings as a run's configuration records them; null when off. */
    static String describe(StpState stp) {
        StpState.Stimulus st = stp.stimulus();
        if (st == null) return null;
        return "subnets " + st.subnets() + " lambda " + st.lambda() + " temperature " + st.temperature()
                + " expansion " + (st.until() == null ? "off" : "mutate until " + st.until())
                + " space " + stp.space() + " importance " + stp.importance().name().toLowerCase()
                + " refresh " + stp.refresh().amount() + (stp.refresh().epochs() ? " epochs" : " steps")
                + (stp.budget() == null ? "" : " budget flops " + stp.budget());
    }
}
