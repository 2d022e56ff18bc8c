package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpTimesTest {

    /**
     * y = x·w + b, squared error: each step runs the two forward ops, the loss gradient and the two
     * backward ops (the forward loss op is not run in training, see PruningListener), and the
     * backward ops are the ones whose outputs, w's and b's gradients, the updater applies.
     */
    @Test
    void everyOpOfATimedStepIsCountedByNameAndTheUpdatingOpsAreKnown() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 1, 1));
        SDVariable out = x.mul(w).add(sd.var("b", Nd4j.zeros(DataType.FLOAT, 1)));
        sd.loss().meanSquaredError("loss", y, out, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Sgd(0.1))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        DataSet one = new DataSet(Nd4j.createFromArray(new float[][]{{1f}}), Nd4j.createFromArray(new float[][]{{3f}}));
        SessionStepper stepper = new SessionStepper(sd);
        stepper.step(one, 0);
        OpTimes times = new OpTimes();
        stepper.timeOps(times);
        stepper.step(one, 1);
        stepper.step(one, 2);
        Map<String, Long> calls = new LinkedHashMap<>();
        times.ops().forEach((k, v) -> calls.put(k, v.calls()));
        stepper.timeOps(null);
        stepper.step(one, 3);

        assertEquals(Map.of("multiply", 2L, "add", 2L, "mean_sqerr_loss_grad", 2L, "add_bp", 2L, "multiply_bp", 2L), calls);
        assertEquals(Map.of("multiply", 2L, "add", 2L, "mean_sqerr_loss_grad", 2L, "add_bp", 2L, "multiply_bp", 2L),
                counts(times), "a step after timeOps(null) is not counted");
        assertEquals(Set.of("add_bp", "multiply_bp"), times.updating());
        assertEquals(2, times.steps());
        assertTrue(times.opNanos() > 0 && times.updateNanos() > 0 && times.aroundNanos() >= 0 && times.restNanos() > 0);
        assertEquals(times.stepNanos(), times.opNanos() + times.updateNanos() + times.aroundNanos()
                + times.extraNanos() + times.restNanos());
    }

    private static Map<String, Long> counts(OpTimes times) {
        Map<String, Long> calls = new LinkedHashMap<>();
        times.ops().forEach((k, v) -> calls.put(k, v.calls()));
        return calls;
    }
}
