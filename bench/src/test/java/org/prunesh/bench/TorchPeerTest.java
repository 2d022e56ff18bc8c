package org.prunesh.bench;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.model.ModelSpec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The peer's line protocol, and (where PyTorch is installed) that its networks are ours. */
class TorchPeerTest {

    /** The standard models, the other CIFAR nets, and other shapes: LeNet on 3x32x32, VGG and ResNet padding 28x28. */
    private static final List<BenchModel> MODELS = new ArrayList<>(BenchModel.STANDARD);

    static {
        MODELS.add(BenchModel.of("resnet32", 0.25));
        MODELS.add(BenchModel.of("resnet50", 0.125));
        MODELS.add(BenchModel.of("cnn", 0.5));
        MODELS.add(new BenchModel(BenchModel.of("lenet5", 2).spec(), new long[]{3, 32, 32}, 10));
        MODELS.add(new BenchModel(BenchModel.of("vgg19", 0.125).spec(), new long[]{1, 28, 28}, 7));
        MODELS.add(new BenchModel(BenchModel.of("resnet20", 0.3).spec(), new long[]{1, 28, 28}, 10));
    }

    @Test
    void answersCarryOneValueAfterTheirKeyword() {
        assertEquals("1.234", TorchPeer.value("seconds 1.234\n", "seconds"));
        assertEquals("272474", TorchPeer.value("ready 272474", "ready"));
    }

    @Test
    void errorsAndUnexpectedAnswersBecomeMessages() {
        assertEquals("ValueError: unknown model 'alexnet'",
                assertThrows(IllegalArgumentException.class,
                        () -> TorchPeer.value("error ValueError: unknown model 'alexnet'", "ready")).getMessage());
        assertEquals("expected 'seconds <value>', got 'ready 12'",
                assertThrows(IllegalArgumentException.class, () -> TorchPeer.value("ready 12", "seconds")).getMessage());
        assertEquals("expected 'params <value>', got 'params'",
                assertThrows(IllegalArgumentException.class, () -> TorchPeer.value("params", "params")).getMessage());
        assertEquals("expected 'params <value>', got 'params 1 2'",
                assertThrows(IllegalArgumentException.class, () -> TorchPeer.value("params 1 2", "params")).getMessage());
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertEquals("1", TorchPeer.number(1.0));
        assertEquals("0.25", TorchPeer.number(0.25));
        assertEquals("0.9", TorchPeer.number(0.9));
        assertEquals("0.0000001", TorchPeer.number(1e-7));
    }

    @Test
    void thePeerScriptIsFoundInTheSourceTree() {
        Optional<Path> script = TorchPeer.findScript(Path.of(""));
        assertTrue(script.isPresent());
        assertEquals(Path.of("bench", "torch_peer.py"), script.get().getParent().getFileName().resolve(script.get().getFileName()));
    }

    @Test
    void theCountModeGivesOurParameterCounts() throws Exception {
        String python = pythonWithTorch();
        Path script = TorchPeer.findScript(Path.of("")).orElseThrow();
        // one interpreter start per model: two suffice here, the serving peer counts them all
        for (BenchModel model : List.of(MODELS.get(0), MODELS.get(7))) {
            Process p = new ProcessBuilder(python, script.toString(), "--count", model.spec().name(),
                    TorchPeer.number(model.spec().width()), "--shape", model.shapeText(),
                    "--classes", Integer.toString(model.classes())).redirectErrorStream(true).start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.readLine();
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals(Long.toString(model.build(1).parameterCount()), out, model.label() + " " + model.shapeText());
        }
    }

    @Test
    void aServingPeerCountsSetsUpAndReportsFailuresWithoutDying() throws Exception {
        String python = pythonWithTorch();
        try (TorchPeer peer = TorchPeer.start(python, TorchPeer.findScript(Path.of("")).orElseThrow(), 1)) {
            assertTrue(peer.version().startsWith("torch ") && peer.version().endsWith(" threads 1"), peer.version());
            BenchModel lenet = BenchModel.of("lenet5", 1);
            assertEquals(lenet.build(1).parameterCount(), peer.count(lenet));
            assertEquals(lenet.build(1).parameterCount(), peer.setup(lenet, 4, 0.9));
            TorchPeer.Failure f = assertThrows(TorchPeer.Failure.class,
                    () -> peer.setup(new BenchModel(new ModelSpec.Mlp(List.of(300, 100), 1), new long[]{1, 28, 28}, 10), 4, 0.9));
            assertEquals("peer answered 'setup mlp 1 4 0.9 1x28x28 10' with: ValueError: unknown model 'mlp';"
                    + " expected lenet5, cnn, vgg19, resnet50 or resnetN (N = 6n+2)", f.getMessage());
            // a profile of LeNet-5's steps: its convolutions, pooling and linear layers by aten name,
            // the optimizer's and the masks' ops under their scopes
            assertEquals(lenet.build(1).parameterCount(), peer.setup(lenet, 4, 0.9));
            StepProfile.Side profile = StepProfile.peer(peer.profile(2), 2);
            Map<String, Double> calls = new HashMap<>();
            profile.ops().forEach(op -> calls.put(op.name(), op.calls()));
            assertEquals(2.0, calls.get("aten::mkldnn_convolution"), calls.toString());
            assertEquals(2.0, calls.get("aten::convolution_backward"), calls.toString());
            assertEquals(2.0, calls.get("aten::max_pool2d_with_indices"), calls.toString());
            assertEquals(3.0, calls.get("aten::addmm"), calls.toString());
            assertEquals(1.0, calls.get("optimizer"), calls.toString());
            assertEquals(1.0, calls.get("masks"), calls.toString());
            assertTrue(profile.parts().get(StepProfile.Part.CONVOLUTION) > 0 && profile.profiledMs() > 0);
            // still serving after the failure; every network has our parameter count
            for (BenchModel model : MODELS) {
                assertEquals(model.build(1).parameterCount(), peer.count(model), model.label() + " " + model.shapeText());
            }
        }
    }

    private static String pythonWithTorch() {
        Optional<String> python = TorchPeer.findPython(TorchPeer.PYTHONS);
        assumeTrue(python.isPresent(), "no python3 with torch here (apt-get install python3-torch)");
        return python.get();
    }
}
