package org.prunesh.interpreter.exec;

import org.prunesh.results.LayerTable;
import org.prunesh.ops.data.Dataset;
import org.prunesh.ops.model.Network;
import org.prunesh.ops.train.Trainer;

import org.prunesh.ops.stp.ChannelOrder;

import java.nio.file.Path;

/**
 * A finished run: the trained network and masks, kept so evaluate/report can look at them.
 *
 * @param order the channel order stimulative training last used (what its subnets were trained
 *              with), or null for other runs
 */
public record RunRecord(String name, Path directory, Network network, Dataset data, Trainer.Result result,
                        LayerTable layers, ChannelOrder order) {

    public RunRecord(String name, Path directory, Network network, Dataset data, Trainer.Result result,
                     LayerTable layers) {
        this(name, directory, network, data, result, layers, null);
    }
}
