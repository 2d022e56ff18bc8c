package org.prunesh.ops.run;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.train.LrSchedule;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonKindsTest {

    @Test
    void kindsAreTheSubtypeNamesInOrder() {
        assertEquals(List.of("cubic", "linear", "exp", "constant", "oneshot", "points", "none"),
                JsonKinds.of(ScheduleSpec.class));
        assertEquals(List.of("constant", "multistep", "cosine"), JsonKinds.of(LrSchedule.class));
        assertEquals(List.of(), JsonKinds.of(String.class));
    }
}
