package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.train.TrainingProgress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressFormatTest {

    @Test
    void formatsAllFieldsOnOneLine() {
        TrainingProgress p = new TrainingProgress("fggp-90", 3, 10, 1200, 4690, 0.43124, 0.6243, 72.4);
        assertEquals("[fggp-90] epoch 3/10  step 1200/4690  loss 0.4312  sparsity 62.4%  eta 1m12s",
                ProgressFormat.line(p));
    }

    @Test
    void leavesOutAnUnknownEtaAndAnUnnamedRun() {
        TrainingProgress p = new TrainingProgress("", 1, 1, 0, 8, 1.5, 0.0, -1);
        assertEquals("epoch 1/1  step 0/8  loss 1.5000  sparsity 0.0%", ProgressFormat.line(p));
    }

    @Test
    void writesDurationsCoarselyByMagnitude() {
        assertEquals("0s", ProgressFormat.duration(0.2));
        assertEquals("42s", ProgressFormat.duration(42));
        assertEquals("1m00s", ProgressFormat.duration(59.6));
        assertEquals("1m05s", ProgressFormat.duration(65));
        assertEquals("59m59s", ProgressFormat.duration(3599));
        assertEquals("2h05m", ProgressFormat.duration(2 * 3600 + 5 * 60 + 59));
    }
}
