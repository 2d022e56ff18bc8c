package org.prunesh.interpreter.exec;

import org.prunesh.ops.stp.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.stp.Importance;
import org.prunesh.ops.stp.Sampling;
import org.prunesh.ops.stp.WidthOrder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code stimulate} statement lowers to exactly these ops values on a step clock of 10 steps per
 * epoch and 40 steps, with the space's L1 importance re-ranked every 5 steps.
 */
class StimulusSpecTest {

    private static final StepClock CLOCK = new StepClock(10, 40);

    private static StimulusSpec lowered(String statement) {
        ParseResult parsed = new ScriptParser().parse(statement, "t.prn");
        assertEquals(List.of(), parsed.diagnostics());
        return StpLowering.stimulate((Stmt.Stimulate) parsed.script().statements().get(0)).stimulus();
    }

    private static Sampling sampling(String statement) {
        return lowered(statement).sampler().lower(CLOCK);
    }

    private static WidthOrder order(String statement) {
        return lowered(statement).order().lower(Importance.L1, 5, CLOCK);
    }

    @Test
    void samplingAsWritten() {
        assertEquals(new Sampling.Expansion(0.5, true), sampling("stimulate expansion mutate until 50%;"));
        assertEquals(new Sampling.Expansion(0.25, false), sampling("stimulate expansion mutate until 1 epochs uncapped;"));
        assertEquals(new Sampling.Expansion(0.5, true), sampling("stimulate expansion mutate;"));
        assertEquals(new Sampling.Uniform(0.8, true), sampling("stimulate expansion uniform min 80%;"));
        assertEquals(new Sampling.Uniform(0.5, true), sampling("stimulate expansion uniform;"));
        assertEquals(new Sampling.Uniform(0, false), sampling("stimulate expansion uniform min 0 uncapped;"));
        // without an expansion, or with 'off': the whole space, as before issue 16
        assertEquals(new Sampling.Uniform(0, false), sampling("stimulate expansion off;"));
        assertEquals(new Sampling.Uniform(0, false), sampling("stimulate subnets 3;"));
    }

    @Test
    void widthOrderAsWrittenFrozenAtHalfOfTrainingByDefault() {
        assertEquals(new WidthOrder.FrozenAfter(Importance.L1, 5, 20), order("stimulate;"));
        assertEquals(new WidthOrder.FrozenAfter(Importance.L1, 5, 10), order("stimulate after 25%;"));
        assertEquals(new WidthOrder.Fixed(), order("stimulate order fixed;"));
        assertEquals(new WidthOrder.Reranked(Importance.L1, 5), order("stimulate order reranked;"));
        assertEquals(new WidthOrder.FrozenAfter(Importance.L1, 5, 20), order("stimulate order frozen after 2 epochs;"));
        assertEquals(new WidthOrder.FrozenAfter(Importance.L1, 5, 10), order("stimulate order frozen after 25%;"));
        assertEquals(new WidthOrder.FrozenAfter(Importance.L1, 5, 7), order("stimulate order frozen after 7 steps;"));
    }

    @Test
    void theFixedOrderNeverReranksAndAFrozenOneStopsAtItsStep() {
        WidthOrder fixed = order("stimulate order fixed;");
        WidthOrder frozen = order("stimulate order frozen after 2 epochs;");
        for (long step = 0; step < 40; step++) {
            assertEquals(false, fixed.rerankAt(step), "step " + step);
            assertEquals(step < 20 && step % 5 == 0, frozen.rerankAt(step), "step " + step);
        }
    }

    @Test
    void defaultsAreOpsOnesAndTheRunConfigSaysWhatWasChosen() {
        StimulusSpec s = lowered("stimulate subnets 6 expansion uniform min 0.75 uncapped order frozen after 2 epochs;");
        assertEquals(6, s.subnets());
        assertEquals(org.prunesh.ops.stp.Stimulus.DEFAULT_LAMBDA, lowered("stimulate;").lambda());
        assertEquals(1.0, lowered("stimulate;").temperature());
        assertEquals("expansion uniform min 0.75 uncapped", s.sampler().describe());
        assertEquals("order frozen after 2 epochs", s.order().describe());
        assertEquals("expansion mutate until 50%", lowered("stimulate expansion mutate;").sampler().describe());
        assertEquals("expansion off", lowered("stimulate;").sampler().describe());
        assertEquals("order frozen after 50%", lowered("stimulate;").order().describe());
    }
}
