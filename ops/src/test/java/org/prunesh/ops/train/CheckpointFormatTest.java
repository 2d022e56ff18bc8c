package org.prunesh.ops.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The checkpoint file: a position inside an epoch round-trips, and files of the previous format still read. */
class CheckpointFormatTest {

    @TempDir
    Path dir;

    @Test
    void aPositionInsideAnEpochRoundTrips() throws IOException {
        Checkpoint c = new Checkpoint(1, 11, 2.5, Map.of("w", Nd4j.createFromArray(1f, -2f)),
                Map.of("w", Nd4j.createFromArray(1f, 0f)), Map.of(), Map.of("stage0/n", new double[]{3}),
                List.of(new EpochMetrics(1, 8, 0.9, 0.8, 0.5, 0.25, 0.05, 1.0)),
                new Checkpoint.InEpoch(3, 1.75, 3, 0.5, 11));
        Path file = dir.resolve("c.bin");
        c.write(file);
        Checkpoint back = Checkpoint.read(file);
        assertEquals(new Checkpoint.InEpoch(3, 1.75, 3, 0.5, 11), back.inEpoch());
        assertEquals(11, back.step());
        assertEquals(1, back.epochsDone());
        assertEquals(c.finished(), back.finished());
        assertArrayEquals(new float[]{1, -2}, back.variables().get("w").toFloatVector());
        assertArrayEquals(new double[]{3}, back.states().get("stage0/n"));
    }

    /** Version 2, written before checkpoints could be taken inside an epoch: read as one after its epochs. */
    @Test
    void aVersion2FileReadsAsACheckpointAfterAnEpoch() throws IOException {
        Path file = dir.resolve("v2.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x50524E43);
            out.writeInt(2);
            out.writeInt(2);        // epochs done
            out.writeLong(16);      // step
            out.writeDouble(4.0);   // seconds
            out.writeInt(1);        // variables
            out.writeUTF("w");
            Nd4j.write(Nd4j.createFromArray(0.5f, 1.5f), out);
            out.writeInt(0);        // masks
            out.writeInt(0);        // optimizer
            out.writeInt(0);        // criteria states
            out.writeInt(0);        // epochs measured
        }
        Checkpoint c = Checkpoint.read(file);
        assertNull(c.inEpoch());
        assertEquals(2, c.epochsDone());
        assertEquals(16, c.step());
        assertArrayEquals(new float[]{0.5f, 1.5f}, c.variables().get("w").toFloatVector());
    }
}
