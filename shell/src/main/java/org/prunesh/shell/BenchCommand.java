package org.prunesh.shell;

import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.model.Models;
import org.prunesh.ops.train.TrainingBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code prune-sh bench}: training images per second, dense and masked, and the masking overhead. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EX_USAGE,
        versionProvider = VersionInfo.class,
        description = {
            "Measure training throughput on one random CIFAR-shaped batch (3x32x32, 10 classes) as runs",
            "train (one fit per batch): each model without and",
            "with masks re-applied after every update at --sparsity, in alternating blocks on one network;",
            "prints the medians and the masking overhead."
        })
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--models", split = ",", defaultValue = "resnet20,vgg19",
            description = "Models to measure: resnet20|resnet32|resnet56|resnet110|resnet50|vgg19 (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--width", defaultValue = "0.25", description = "Width multiplier (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--sparsity", defaultValue = "0.9", description = "Sparsity of the masked run (default: ${DEFAULT-VALUE}).")
    double sparsity;

    @Option(names = "--blocks", defaultValue = "5", description = "Alternating blocks per variant (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--steps", defaultValue = "5", description = "Steps per block (default: ${DEFAULT-VALUE}).")
    int steps;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TrainingBench.Result> results = new ArrayList<>();
        for (String name : models) {
            ModelSpec model = switch (name) {
                case "resnet20", "resnet32", "resnet56", "resnet110" ->
                        new ModelSpec.ResNet(Integer.parseInt(name.substring("resnet".length())), width);
                case "resnet50" -> new ModelSpec.ResNet50(width);
                case "vgg19" -> new ModelSpec.Vgg19(width);
                default -> null;
            };
            if (model == null) {
                spec.commandLine().getErr().println("prune-sh bench: unknown model '" + name + "'");
                return Main.EX_USAGE;
            }
            long[] shape = {3, 32, 32};
            out.println("measuring " + name + " width " + width + " batch " + batch + " ...");
            out.flush();
            results.add(TrainingBench.run(name + " w" + width, Models.build(model, shape, 10, 1, 0),
                    batch, sparsity, 2, blocks, steps, 1));
        }
        out.print(TrainingBench.describe(results));
        out.println("overhead = dense img/s / masked img/s - 1 (medians over " + blocks + " blocks of " + steps
                + " steps; the two variants alternate)");
        out.flush();
        return Main.EX_OK;
    }
}
