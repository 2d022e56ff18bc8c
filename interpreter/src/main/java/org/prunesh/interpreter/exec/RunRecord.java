package org.prunesh.interpreter.exec;

import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.train.Trainer;

import java.nio.file.Path;

/** A finished run: the trained network and masks, kept so evaluate/report can look at them. */
public record RunRecord(String name, Path directory, Network network, Dataset data, Trainer.Result result,
                        LayerTable layers) {
}
