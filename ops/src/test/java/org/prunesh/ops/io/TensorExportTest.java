package org.prunesh.ops.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorExportTest {

    @TempDir
    Path tmp;

    private static final ExportedTensor FC1 = new ExportedTensor("fc1.weight", new long[]{2, 3},
            new float[]{0.5f, 0f, -1.25f, 0f, 0f, 2f},
            new boolean[]{true, false, true, false, false, true},
            new float[]{0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f});
    private static final ExportedTensor FC2 = new ExportedTensor("fc2/W", new long[]{4},
            new float[]{1f, 0f, 0f, 0f}, new boolean[]{true, false, false, false}, null);

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void exportReadsBackWithItsIndex() throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("step", 1200);
        meta.put("seed", 18);
        Path dir = TensorExport.write(tmp.resolve("export"), List.of(FC1, FC2), meta);

        assertEquals(tmp.resolve("export").toAbsolutePath(), dir);
        assertEquals(Set.of("export"), list(tmp)); // no staging directory left behind
        assertEquals(Set.of("index.json", "fc1.weight.weight.npy", "fc1.weight.mask.npy", "fc1.weight.grad.npy",
                "fc2_W.weight.npy", "fc2_W.mask.npy"), list(dir));

        INDArray w = Nd4j.createFromNpyFile(dir.resolve("fc1.weight.weight.npy").toFile());
        assertEquals(DataType.FLOAT, w.dataType());
        assertArrayEquals(new long[]{2, 3}, w.shape());
        assertArrayEquals(FC1.weights(), w.data().asFloat());
        INDArray m = Nd4j.createFromNpyFile(dir.resolve("fc1.weight.mask.npy").toFile());
        assertEquals(DataType.BOOL, m.dataType());
        assertArrayEquals(new long[]{2, 3}, m.shape());
        assertArrayEquals(new float[]{1, 0, 1, 0, 0, 1}, m.castTo(DataType.FLOAT).data().asFloat());
        assertArrayEquals(FC1.gradient(), Nd4j.createFromNpyFile(dir.resolve("fc1.weight.grad.npy").toFile()).data().asFloat());
        INDArray m2 = Nd4j.createFromNpyFile(dir.resolve("fc2_W.mask.npy").toFile());
        assertArrayEquals(new long[]{4}, m2.shape());
        assertArrayEquals(new float[]{1, 0, 0, 0}, m2.castTo(DataType.FLOAT).data().asFloat());

        JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
        assertEquals("prune-sh tensor export", index.get("format").asText());
        assertEquals(1, index.get("version").asInt());
        assertEquals(1200, index.get("meta").get("step").asInt());
        assertEquals(18, index.get("meta").get("seed").asInt());
        assertEquals(2, index.get("total").get("tensors").asInt());
        assertEquals(10, index.get("total").get("size").asLong());
        assertEquals(4, index.get("total").get("active").asLong());
        assertEquals(0.6, index.get("total").get("sparsity").asDouble(), 1e-15);

        JsonNode t1 = index.get("tensors").get(0);
        assertEquals("fc1.weight", t1.get("name").asText());
        assertEquals("[2,3]", t1.get("shape").toString());
        assertEquals(6, t1.get("size").asInt());
        assertEquals(3, t1.get("active").asInt());
        assertEquals(0.5, t1.get("sparsity").asDouble());
        assertEquals("{\"weight\":\"fc1.weight.weight.npy\",\"mask\":\"fc1.weight.mask.npy\",\"grad\":\"fc1.weight.grad.npy\"}",
                t1.get("files").toString());
        JsonNode t2 = index.get("tensors").get(1);
        assertEquals("fc2/W", t2.get("name").asText());
        assertEquals(1, t2.get("active").asInt());
        assertEquals(0.75, t2.get("sparsity").asDouble());
        assertEquals("{\"weight\":\"fc2_W.weight.npy\",\"mask\":\"fc2_W.mask.npy\"}", t2.get("files").toString());
    }

    /** What numpy 2.4.6's {@code numpy.save} writes: version 1.0, header length 118, the dict padded to 128 bytes. */
    private static byte[] numpyFile(String dict, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(128 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0});
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (b.position() < 127) b.put((byte) ' ');
        b.put((byte) '\n').put(data);
        return b.array();
    }

    @Test
    void filesAreNumpysBytes() throws IOException {
        Path dir = TensorExport.write(tmp.resolve("export"), List.of(FC1), Map.of());
        ByteBuffer weights = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float w : FC1.weights()) weights.putFloat(w);
        assertArrayEquals(numpyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", weights.array()),
                Files.readAllBytes(dir.resolve("fc1.weight.weight.npy")));
        assertArrayEquals(numpyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (2, 3), }",
                        new byte[]{1, 0, 1, 0, 0, 1}),
                Files.readAllBytes(dir.resolve("fc1.weight.mask.npy")));
    }

    @Test
    void fileNamesAreSafeAndDistinct() {
        Set<String> used = new HashSet<>();
        assertEquals("fc1_W", TensorExport.uniqueBase("fc1/W", used));
        assertEquals("fc1_W-2", TensorExport.uniqueBase("fc1_W", used));
        assertEquals("FC1_w-3", TensorExport.uniqueBase("FC1:w", used)); // case-insensitive file systems
        assertEquals("_.hidden", TensorExport.uniqueBase(".hidden", used));
        assertEquals("_", TensorExport.uniqueBase("", used));
        assertEquals("conv1.weight", TensorExport.uniqueBase("conv1.weight", used));
    }

    @Test
    void replacesAnEarlierExportButNothingElse() throws IOException {
        Path dir = tmp.resolve("export");
        TensorExport.write(dir, List.of(FC1, FC2), Map.of());
        TensorExport.write(dir, List.of(FC2), Map.of("again", true));
        assertEquals(Set.of("index.json", "fc2_W.weight.npy", "fc2_W.mask.npy"), list(dir));
        assertEquals(Set.of("export"), list(tmp));

        Path notAnExport = tmp.resolve("notes");
        Files.createDirectories(notAnExport);
        Files.writeString(notAnExport.resolve("thesis.tex"), "keep me");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> TensorExport.write(notAnExport, List.of(FC1), Map.of()));
        assertEquals(notAnExport.toAbsolutePath() + ": exists and is not an earlier tensor export;"
                + " choose another directory or remove it", e.getMessage());
        assertEquals(Set.of("thesis.tex"), list(notAnExport));

        // An earlier export with a stranger file in it is not ours to delete either.
        Files.writeString(dir.resolve("analysis.ipynb"), "{}");
        assertThrows(FileAlreadyExistsException.class, () -> TensorExport.write(dir, List.of(FC1), Map.of()));
        assertTrue(Files.exists(dir.resolve("analysis.ipynb")));
        assertEquals(Set.of("export", "notes"), list(tmp));
    }

    @Test
    void aFailedExportLeavesNothingBehind() {
        // Jackson cannot serialise a bare Object: the failure comes after every .npy is written.
        Map<String, Object> meta = Map.of("bad", new Object());
        assertThrows(IOException.class, () -> TensorExport.write(tmp.resolve("export"), List.of(FC1), meta));
        assertFalse(Files.exists(tmp.resolve("export")));
        assertEquals(0, tmp.toFile().list().length);
    }

    @Test
    void rejectsInconsistentTensorsAndDuplicateNames() {
        assertEquals("tensor t: shape [2, 2] holds 4 elements but weights has 3, mask 4",
                assertThrows(IllegalArgumentException.class, () -> new ExportedTensor("t", new long[]{2, 2},
                        new float[3], new boolean[4], null)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TensorExport.write(tmp.resolve("x"), List.of(FC1, FC1), Map.of()));
    }
}
