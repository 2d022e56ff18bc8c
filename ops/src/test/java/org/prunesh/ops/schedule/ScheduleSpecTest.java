package org.prunesh.ops.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script form and the config.json form of every schedule kind, and `every` in each unit. */
class ScheduleSpecTest {

    private static final StepClock CLOCK = StepClock.of(1000, 100, 10);   // 10 steps per epoch, 100 in all
    private static final StepPoint START = new StepPoint.Epochs(1);
    private static final StepPoint END = new StepPoint.Percent(70);
    private static final StepPoint EVERY = new StepPoint.Steps(100);

    @Test
    void describesEveryKindAsAScriptWritesIt() {
        assertEquals("cubic from 0 to 0.9 start 1 epoch end 70% every 100 steps exponent 3",
                new CubicSpec(0, 0.9, START, END, EVERY, 3).describe());
        assertEquals("linear from 0.2 to 0.8 start 1 epoch end 70% every 100 steps",
                new LinearSpec(0.2, 0.8, START, END, EVERY).describe());
        assertEquals("exp from 0.5 to 0.98 start 1 epoch end 70% every 100 steps",
                new ExpSpec(0.5, 0.98, START, END, EVERY).describe());
        assertEquals("constant to 0.5 start 1 epoch end 70% every 100 steps",
                new ConstantSpec(0.5, START, END, EVERY).describe());
        assertEquals("oneshot to 0.6 at 2.5 epochs", new OneShotSpec(0.6, new StepPoint.Epochs(2.5)).describe());
        assertEquals("points [(10 steps, 0.3), (2 epochs, 0.6), (50%, 0.9)]", new PointsSpec(List.of(
                new PointsSpec.Point(new StepPoint.Steps(10), 0.3),
                new PointsSpec.Point(new StepPoint.Epochs(2), 0.6),
                new PointsSpec.Point(new StepPoint.Percent(50), 0.9))).describe());
        assertEquals("none", new NoPruningSpec().describe());
    }

    @Test
    void everyKindNamesTheSparsityItPrunesTo() {
        assertEquals(0.9, new CubicSpec(0, 0.9, START, END, EVERY, 3).finalSparsity());
        assertEquals(0.8, new LinearSpec(0.2, 0.8, START, END, EVERY).finalSparsity());
        assertEquals(0.98, new ExpSpec(0.5, 0.98, START, END, EVERY).finalSparsity());
        assertEquals(0.5, new ConstantSpec(0.5, START, END, EVERY).finalSparsity());
        assertEquals(0.6, new OneShotSpec(0.6, new StepPoint.Epochs(2.5)).finalSparsity());
        assertEquals(0.9, new PointsSpec(List.of(new PointsSpec.Point(new StepPoint.Steps(10), 0.3),
                new PointsSpec.Point(new StepPoint.Percent(50), 0.9))).finalSparsity());
        assertEquals(0.0, new NoPruningSpec().finalSparsity());
    }

    @Test
    void configJsonNamesTheKind() throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper();
        // exp and linear have the same fields: only the kind tells them apart.
        assertEquals("{\"kind\":\"exp\",\"from\":0.5,\"to\":0.98,\"start\":{\"epochs\":1.0},"
                + "\"end\":{\"percent\":70.0},\"every\":{\"n\":100}}",
                json.writeValueAsString(new ExpSpec(0.5, 0.98, START, END, EVERY)));
        assertEquals("{\"kind\":\"linear\",\"from\":0.5,\"to\":0.98,\"start\":{\"epochs\":1.0},"
                + "\"end\":{\"percent\":70.0},\"every\":{\"n\":100}}",
                json.writeValueAsString(new LinearSpec(0.5, 0.98, START, END, EVERY)));
        assertEquals("{\"kind\":\"points\",\"points\":[{\"at\":{\"n\":10},\"sparsity\":0.3},"
                + "{\"at\":{\"percent\":50.0},\"sparsity\":0.9}]}",
                json.writeValueAsString(new PointsSpec(List.of(new PointsSpec.Point(new StepPoint.Steps(10), 0.3),
                        new PointsSpec.Point(new StepPoint.Percent(50), 0.9)))));
        record Holder(ScheduleSpec schedule) {
        }
        assertEquals("{\"schedule\":{\"kind\":\"none\"}}", json.writeValueAsString(new Holder(new NoPruningSpec())));
    }

    @Test
    void everyInEpochs() {
        SparsitySchedule s = new LinearSpec(0, 0.6, new StepPoint.Steps(0), new StepPoint.Epochs(6),
                new StepPoint.Epochs(1.5)).resolve(CLOCK);
        assertEquals(List.of(0L, 15L, 30L, 45L, 60L), s.pruningSteps());
        assertEquals(0.15, s.targetAt(15), 1e-12);
    }

    @Test
    void everyInPercentIsThatShareOfTheRun() {
        SparsitySchedule s = new ConstantSpec(0.5, new StepPoint.Percent(20), new StepPoint.Percent(80),
                new StepPoint.Percent(25)).resolve(CLOCK);
        assertEquals(List.of(20L, 45L, 70L, 80L), s.pruningSteps());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new ConstantSpec(0.5, START, END, new StepPoint.Percent(0.4)).resolve(CLOCK));
        assertEquals("pruning interval 'every 0.4%' is 0 steps; it must be at least 1 step", e.getMessage());
    }
}
