package org.prunesh.shell;

import org.prunesh.bench.BenchModel;
import org.prunesh.bench.JitSettle;
import org.prunesh.bench.LoadProcesses;
import org.prunesh.bench.SelectionBench;
import org.prunesh.bench.StepProfile;
import org.prunesh.bench.TorchPeer;
import org.prunesh.bench.TrainingBench;
import org.prunesh.ops.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code prune-sh bench}: training images per second, dense and masked, against PyTorch when it is
 * installed, and the time of an FGGP selection step.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Training throughput on one fixed random batch, stepped as runs train:",
            "each model dense and with masks (global magnitude at --sparsity)",
            "re-applied after every update, in alternating blocks on one network;",
            "then the same model, optimizer (SGD lr 0.01, momentum 0.9), batch and",
            "masking in PyTorch (bench/torch_peer.py, a persistent child process),",
            "one block after each pair of ours. Prints min / median / max over",
            "blocks, the masking overhead and ours/PyTorch. --load N keeps N",
            "busy-loop processes running through both sides' blocks. Then times",
            "FGGP's selection (gradient ratio 0.5 then magnitude, global) over",
            "ResNet-50's 25.5 M weights against one streaming pass over the",
            "weights and gradients. --measure profile prints, per model, where a",
            "masked step's milliseconds go: ours per graph op, PyTorch's per op from",
            "torch.profiler, grouped by what the ops compute.",
            "LeNet-5 trains on 1x28x28 samples, the others on 3x32x32; 10 classes."
        })
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_MODELS = "resnet20:1,resnet20:0.5,vgg19:0.25,lenet5:1";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--models", split = ",", defaultValue = DEFAULT_MODELS, paramLabel = "NAME[:WIDTH]",
            description = "Models to measure: lenet5, cnn, vgg19, resnet50 or resnetN, each with an optional width"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--width", defaultValue = "1", description = "Width of models given without one (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--sparsity", defaultValue = "0.9", description = "Sparsity of the masks (default: ${DEFAULT-VALUE}).")
    double sparsity;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps per variant first; ours also warms up at least 5 s, until the JIT has compiled"
                    + " its Java kernels (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--settle", defaultValue = "120", paramLabel = "SECONDS",
            description = "Most seconds ours then keeps stepping until the JIT has settled (three 2 s windows in a row"
                    + " with at most 1%% of their time compiling); 0: no wait (default: ${DEFAULT-VALUE}).")
    double settle;

    @Option(names = "--blocks", defaultValue = "5", description = "Timed blocks per variant (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--steps", defaultValue = "8", description = "Steps per block (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--peer", defaultValue = "auto", paramLabel = "auto|torch|none",
            description = "Compare with PyTorch: torch requires it, auto uses it when a python3 can import torch,"
                    + " none skips it (default: ${DEFAULT-VALUE}).")
    String peer;

    @Option(names = "--python", paramLabel = "CMD",
            description = "Python interpreter for the peer (default: the first of python3, /usr/bin/python3 that imports torch).")
    String python;

    @Option(names = "--peer-script", paramLabel = "FILE",
            description = "The peer script (default: bench/torch_peer.py of this source tree).")
    Path peerScript;

    @Option(names = "--peer-threads", defaultValue = "2", description = "PyTorch threads (default: ${DEFAULT-VALUE}).")
    int peerThreads;

    @Option(names = "--load", defaultValue = "0", paramLabel = "N",
            description = "Busy-loop processes kept running during both sides' training blocks, as on a machine"
                    + " that is not idle (default: ${DEFAULT-VALUE}).")
    int load;

    @Option(names = "--measure", split = ",", defaultValue = "training,selection", paramLabel = "WHAT",
            description = "What to measure: training, selection and/or profile (default: ${DEFAULT-VALUE}).")
    List<String> measure;

    @Option(names = "--profile-steps", defaultValue = "16", paramLabel = "N",
            description = "Steps each side is timed for, unprofiled and profiled, by --measure profile"
                    + " (default: ${DEFAULT-VALUE}).")
    int profileSteps;

    @Option(names = "--selection-target", defaultValue = "0.3",
            description = "Sparsity the timed selection prunes to from dense (default: ${DEFAULT-VALUE}).")
    double selectionTarget;

    @Option(names = "--selection-repeats", defaultValue = "15",
            description = "Timed repeats of the selection and the pass, after " + (int) SelectionBench.WARM_SECONDS
                    + " s of untimed ones (default: ${DEFAULT-VALUE}).")
    int selectionRepeats;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<BenchModel> benchModels = models();
        TrainingBench.Options options = options();
        boolean training = measures("training");
        boolean selection = measures("selection");
        boolean profile = measures("profile");
        if (!List.of("auto", "torch", "none").contains(peer)) {
            throw new ParameterException(spec.commandLine(), "--peer must be auto, torch or none, not '" + peer + "'");
        }
        if (load < 0) throw new ParameterException(spec.commandLine(), "--load takes a count of 0 or more, not " + load);
        if (profileSteps < 1) {
            throw new ParameterException(spec.commandLine(), "--profile-steps takes a count of 1 or more, not " + profileSteps);
        }
        if (training || profile) {
            // The load starts after the peer (its start-up is not measured) and before the first
            // warm-up, and is killed before the selection timing.
            try (TorchPeer torch = peer.equals("none") ? null : startPeer(out);
                 LoadProcesses busy = LoadProcesses.start(load)) {
                out.println(threading(System.getenv(), torch != null));
                if (load > 0) out.println("load: " + busy.running() + " busy-loop processes (pids " + busy.pids() + ")");
                if (profile) profiles(benchModels, options, torch, out);
                if (training) training(benchModels, options, torch, out);
            }
        }
        if (selection) {
            out.println("building ResNet-50 for the selection timing ...");
            out.flush();
            SelectionBench.Result r = SelectionBench.run(SelectionBench.resnet50(1), selectionTarget, selectionRepeats,
                    SelectionBench.WARM_SECONDS, 1);
            out.print(BenchTable.selection(r, "ResNet-50"));
            out.flush();
        }
        return Main.EX_OK;
    }

    /** The throughput tables: every model in turn, then the tables over all of them. */
    private void training(List<BenchModel> benchModels, TrainingBench.Options options, TorchPeer torch, PrintWriter out) {
        List<TrainingBench.Result> results = new ArrayList<>();
        for (BenchModel model : benchModels) {
            out.println("measuring " + model.label() + " (" + model.shapeText() + ") ...");
            out.flush();
            Network net = model.build(options.seed());
            results.add(TrainingBench.run(model.label(), net, options, peerFor(torch, model, net, out)));
        }
        out.print(BenchTable.training(results, "torch"));
        out.println("medians over " + options.blocks() + " blocks of " + options.stepsPerBlock() + " steps after "
                + options.warmup() + " warm-up steps (ours: and at least " + (int) TrainingBench.WARM_SECONDS
                + " s, then until the JIT had settled, see below); overhead = dense / masked - 1 from each round's"
                + " median steps (ours' dense and masked steps alternate one by one); ours/torch = masked / torch,"
                + " round by round");
        out.print(BenchTable.spread(results, "torch"));
        if (torch != null && results.stream().anyMatch(r -> !Double.isNaN(r.peerImagesPerSecond()))) {
            out.print(BenchTable.cpu(results, "torch"));
            out.println("cores busy = CPU seconds per wall-clock second of each process during each side's blocks;"
                    + " on an idle 2-core machine the side training uses up to 2, the waiting side ~0");
        }
        out.print(BenchTable.warmUp(results));
        out.println("ours' warm-up in all; JIT settled = three 2 s windows of steps in a row with at most 1% of their time"
                + " compiling, before --settle's bound; ms/step = ours' mean masked step in the wait's first and last"
                + " window; compiling = the JVM's JIT time while both sides' blocks ran");
        out.flush();
    }

    /** One profile per model, each printed as soon as it is measured. */
    private void profiles(List<BenchModel> benchModels, TrainingBench.Options options, TorchPeer torch, PrintWriter out) {
        for (BenchModel model : benchModels) {
            out.println("profiling " + model.label() + " (" + model.shapeText() + ") ...");
            out.flush();
            Network net = model.build(options.seed());
            boolean compared = peerFor(torch, model, net, out) != null;
            StepProfile.Side ours = StepProfile.ours(net, options, profileSteps);
            StepProfile.Side theirs = null;
            try {
                if (compared) theirs = StepProfile.peer(torch, options, profileSteps);
            } catch (TorchPeer.Failure e) {
                out.println("  torch not profiled: " + e.getMessage());
            }
            out.print(BenchTable.profile(new StepProfile.Result(model.label(), options.batch(), options.sparsity(),
                    profileSteps, ours, theirs), "torch"));
            out.flush();
        }
    }

    /**
     * Variables that decide how ours' threads wait, where they run and how native memory is kept;
     * the first two are always shown.
     */
    static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT",
            "OMP_PROC_BIND", "OMP_PLACES", "OPENBLAS_NUM_THREADS", "SD_MAX_THREADS", "SD_MASTER_THREADS",
            "MALLOC_ARENA_MAX");

    /**
     * The threading settings each side runs with. Ours come from the environment prune-sh started in
     * (libgomp and libnd4j read them once, at load); the peer always gets PASSIVE.
     */
    static String threading(Map<String, String> env, boolean peer) {
        StringBuilder line = new StringBuilder("ours:");
        for (String name : THREAD_VARIABLES) {
            String value = env.get(name);
            if (value != null || THREAD_VARIABLES.indexOf(name) < 2) {
                line.append(' ').append(name).append('=').append(value == null ? "unset" : value);
            }
        }
        if (peer) line.append("; torch: OMP_WAIT_POLICY=PASSIVE");
        if (peer && !"PASSIVE".equalsIgnoreCase(env.get("OMP_WAIT_POLICY"))) {
            line.append("\nnote: ours may spin-wait; on a busy machine that was measured to slow it down up to 20x"
                    + " (scripts/prune-sh sets OMP_WAIT_POLICY=PASSIVE unless told otherwise)");
        }
        return line.toString();
    }

    private List<BenchModel> models() {
        List<BenchModel> out = new ArrayList<>();
        for (String text : models) {
            try {
                out.add(BenchModel.parse(text, width));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--models: " + e.getMessage());
            }
        }
        return out;
    }

    private TrainingBench.Options options() {
        if (!(settle >= 0)) throw new ParameterException(spec.commandLine(), "--settle takes 0 seconds or more, not " + settle);
        try {
            return new TrainingBench.Options(batch, sparsity, warmup, blocks, steps, 1, JitSettle.DEFAULT.upTo(settle));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private boolean measures(String what) {
        for (String m : measure) {
            if (!List.of("training", "selection", "profile").contains(m)) {
                throw new ParameterException(spec.commandLine(),
                        "--measure takes training, selection and/or profile, not '" + m + "'");
            }
        }
        return measure.contains(what);
    }

    /** The running peer, or null (with a line saying why) when auto finds no PyTorch; fails when torch was required. */
    private TorchPeer startPeer(PrintWriter out) throws IOException {
        boolean required = peer.equals("torch");
        Optional<Path> script = peerScript != null ? Optional.of(peerScript) : TorchPeer.findScript(Path.of(""));
        Optional<String> interpreter = python != null ? Optional.of(python) : TorchPeer.findPython(TorchPeer.PYTHONS);
        String missing = script.isEmpty() ? "bench/torch_peer.py not found (give --peer-script)"
                : interpreter.isEmpty() ? "no python3 can import torch (apt-get install python3-torch, or give --python)"
                : null;
        if (missing != null) {
            if (required) throw new IllegalStateException("--peer torch: " + missing);
            out.println("PyTorch peer skipped: " + missing);
            return null;
        }
        TorchPeer torch = TorchPeer.start(interpreter.get(), script.get(), peerThreads);
        out.println("peer: " + torch.version() + " (" + interpreter.get() + " " + script.get() + ")");
        return torch;
    }

    /**
     * The peer set up for {@code model}, or null (with a line saying why) when it cannot run it or
     * its network's parameter count differs from ours.
     */
    private TrainingBench.Peer peerFor(TorchPeer torch, BenchModel model, Network net, PrintWriter out) {
        if (torch == null) return null;
        try {
            long theirs = torch.setup(model, batch, sparsity);
            if (theirs == net.parameterCount()) return torch;
            out.println("  torch not compared: its network has " + theirs + " parameters, ours " + net.parameterCount());
        } catch (TorchPeer.Failure e) {
            out.println("  torch not compared: " + e.getMessage());
        }
        return null;
    }
}
