package org.prunesh.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run directories with literal files, shaped as the run writer writes them. */
final class RunDirs {

    private RunDirs() {
    }

    /** A config.json as the run executor writes it, for a cubic schedule to {@code to}. */
    static String config(String name, long seed, String selection, double to, int ordinal) {
        return """
                {
                  "name" : "%s",
                  "seed" : %d,
                  "data" : { "kind" : "synthetic", "name" : "synthetic", "limit" : 0 },
                  "model" : { "kind" : "mlp", "width" : 1.0 },
                  "train" : { "epochs" : 2, "batch" : 64, "optimizer" : "SGD", "lr" : 0.1,
                              "lrSchedule" : { "kind" : "constant", "warmup" : { "n" : 0 } } },
                  "schedule" : { "kind" : "cubic", "from" : 0.0, "to" : %s, "start" : { "steps" : 0 },
                                 "end" : { "steps" : 6 }, "every" : { "n" : 3 }, "exponent" : 3.0 },
                  "scheduleWritten" : "cubic from 0 to %s start 0 steps end 6 steps every 3 steps exponent 3",
                  "clock" : { "stepsPerEpoch" : 4, "totalSteps" : 8 },
                  "pruningSteps" : [ { "step" : 0, "epoch" : 0.0, "target" : 0.0 },
                                     { "step" : 3, "epoch" : 0.75, "target" : %s },
                                     { "step" : 6, "epoch" : 1.5, "target" : %s } ],
                  "selection" : "%s",
                  "scope" : "global",
                  "regrowth" : null,
                  "exclusions" : { "first" : false, "bias" : true, "globs" : [ ] },
                  "prunable" : [ "fc1.weight", "fc2.weight" ],
                  "provenance" : { "java" : "17.0.%d", "nd4j" : "1.0.0-M2.1" },
                  "replay" : { "ordinal" : %d, "source" : "sweep.prn" }
                }
                """.formatted(name, seed, to, fmt(to), to * 0.875, to, selection, seed, ordinal);
    }

    /** A summary.json over 1,000 prunable and 1,100 parameters in all. */
    static String summary(String name, double accuracy, double loss, double sparsity, double seconds) {
        long active = Math.round(1000 * (1 - sparsity));
        return """
                {
                  "name" : "%s", "testAccuracy" : %s, "testLoss" : %s, "sparsityPrunable" : %s,
                  "sparsityAll" : %s, "paramsTotal" : 1100, "paramsPrunable" : 1000, "paramsPrunableActive" : %d,
                  "steps" : 8, "epochsCompleted" : 2, "wallSeconds" : %s, "cancelled" : false,
                  "layers" : [
                    { "name" : "fc1.weight", "shape" : "8x100", "total" : 800, "active" : %d, "prunable" : true },
                    { "name" : "fc1.bias", "shape" : "100", "total" : 100, "active" : 100, "prunable" : false },
                    { "name" : "fc2.weight", "shape" : "100x2", "total" : 200, "active" : %d, "prunable" : true }
                  ]
                }
                """.formatted(name, accuracy, loss, sparsity, (1000 - active) / 1100.0, active, seconds,
                active * 8 / 10, active - active * 8 / 10);
    }

    /** One metrics line as the trainer appends it. */
    static String epoch(int epoch, long step, String trainLoss, double testLoss, double accuracy, double sparsity,
                        double seconds) {
        return String.format("{\"epoch\":%d,\"step\":%d,\"trainLoss\":%s,\"testLoss\":%s,\"testAccuracy\":%s,"
                + "\"sparsity\":%s,\"lr\":0.1,\"seconds\":%s}%n", epoch, step, trainLoss, testLoss, accuracy, sparsity,
                seconds);
    }

    static Path write(Path parent, String dirName, String config, String summary, String metrics) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(dirName));
        Files.writeString(dir.resolve("config.json"), config);
        if (summary != null) Files.writeString(dir.resolve("summary.json"), summary);
        if (metrics != null) Files.writeString(dir.resolve("metrics.jsonl"), metrics);
        return dir;
    }

    /** The number as a script writes it: 0.9, not 0.90. */
    private static String fmt(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
