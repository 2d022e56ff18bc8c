package org.prunesh.shell;

import org.prunesh.cluster.SlurmResources;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code run}'s options for {@code --executor slurm}; those given override the config file's. */
final class SlurmOptions {

    @Option(names = "--slurm-config", paramLabel = "FILE",
            description = "Resources per cell as properties: cpus-per-task, mem, time, partition, account, gres, "
                    + "sbatch-options, max-parallel, signal-seconds.")
    Path config;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs per cell (also its OMP_NUM_THREADS).")
    Integer cpus;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per cell, as sbatch spells it (4G).")
    String mem;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit per cell (HH:MM:SS).")
    String time;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition.")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account.")
    String account;

    @Option(names = "--gres", paramLabel = "SPEC", description = "Generic resources per cell (gpu:1 with -Pcuda).")
    String gres;

    @Option(names = "--sbatch-option", paramLabel = "OPT", description = "A further sbatch option; repeatable.")
    List<String> extra = new ArrayList<>();

    @Option(names = "--max-parallel", paramLabel = "K", description = "At most K cells at once (the array's %%K).")
    Integer maxParallel;

    @Option(names = "--signal-seconds", paramLabel = "S",
            description = "Checkpoint and requeue a cell S seconds before its time limit (default 120).")
    Integer signalSeconds;

    @Option(names = "--detach", description = "Submit, print the job id and return; 'prune-sh status' follows up.")
    boolean detach;

    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "5",
            description = "How often the array's state is read while following it (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    boolean given() {
        return config != null || cpus != null || mem != null || time != null || partition != null || account != null
                || gres != null || !extra.isEmpty() || maxParallel != null || signalSeconds != null || detach;
    }

    /** The config file's resources with the command line's on top. */
    SlurmResources resources() throws IOException {
        SlurmResources base = config == null ? SlurmResources.DEFAULTS : SlurmResources.read(config);
        return base.overriddenBy(new SlurmResources(cpus, mem, time, partition, account, gres, extra, maxParallel,
                signalSeconds == null ? SlurmResources.DEFAULT_SIGNAL_SECONDS : signalSeconds));
    }
}
