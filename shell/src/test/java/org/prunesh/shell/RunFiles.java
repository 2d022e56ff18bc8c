package org.prunesh.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prunesh.ops.train.Checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run directory's files as the tests compare two runs: everything but the measured times. */
final class RunFiles {

    private RunFiles() {
    }

    static ObjectNode json(Path p) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(p.toFile());
    }

    static JsonNode withoutTimes(ObjectNode summary) {
        return summary.without("wallSeconds");
    }

    static List<JsonNode> metricsWithoutTimes(Path run) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            lines.add(((ObjectNode) mapper.readTree(line)).without("seconds"));
        }
        return lines;
    }

    /** Summary, metrics, final step, masks, weights and optimizer state equal, bit for bit. */
    static void assertSameRun(Path whole, Path resumed) throws IOException {
        assertEquals(withoutTimes(json(whole.resolve("summary.json"))), withoutTimes(json(resumed.resolve("summary.json"))));
        assertEquals(metricsWithoutTimes(whole), metricsWithoutTimes(resumed));
        Checkpoint a = Checkpoint.read(whole.resolve("checkpoint.bin"));
        Checkpoint b = Checkpoint.read(resumed.resolve("checkpoint.bin"));
        assertEquals(a.step(), b.step());
        assertSameArrays(a.masks(), b.masks(), "mask");
        assertSameArrays(a.variables(), b.variables(), "variable");
        assertEquals(a.optimizer().keySet(), b.optimizer().keySet());
        for (String k : a.optimizer().keySet()) assertSameArrays(a.optimizer().get(k), b.optimizer().get(k), "optimizer " + k);
    }

    static void assertSameArrays(Map<String, INDArray> a, Map<String, INDArray> b, String what) {
        assertEquals(a.keySet(), b.keySet(), what);
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).dup().data().asDouble(), b.get(k).dup().data().asDouble(), 0.0, what + " " + k);
        }
    }
}
