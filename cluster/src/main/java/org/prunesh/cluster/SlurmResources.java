package org.prunesh.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * What each cell asks Slurm for; null fields are left to the cluster's defaults.
 *
 * @param cpusPerTask   {@code --cpus-per-task}; also the cell's OMP_NUM_THREADS unless that is set
 * @param mem           {@code --mem} per cell, as sbatch spells it (4G, 4000M)
 * @param time          {@code --time} per cell (MM, HH:MM:SS, D-HH)
 * @param gres          {@code --gres}, for example {@code gpu:1} with the CUDA build
 * @param extra         further sbatch options, passed as they are
 * @param maxParallel   the array's {@code %K}: at most this many cells at once
 * @param signalSeconds how long before the time limit a cell is told to checkpoint and requeue
 */
public record SlurmResources(Integer cpusPerTask, String mem, String time, String partition, String account,
                             String gres, List<String> extra, Integer maxParallel, int signalSeconds) {

    public static final int DEFAULT_SIGNAL_SECONDS = 120;
    public static final SlurmResources DEFAULTS =
            new SlurmResources(null, null, null, null, null, null, List.of(), null, DEFAULT_SIGNAL_SECONDS);

    private static final Set<String> KEYS = Set.of("cpus-per-task", "mem", "time", "partition", "account", "gres",
            "sbatch-options", "max-parallel", "signal-seconds");

    public SlurmResources {
        extra = List.copyOf(extra);
        if (cpusPerTask != null && cpusPerTask < 1) throw new IllegalArgumentException("cpus-per-task must be at least 1");
        if (maxParallel != null && maxParallel < 1) throw new IllegalArgumentException("max-parallel must be at least 1");
        if (signalSeconds < 1) throw new IllegalArgumentException("signal-seconds must be at least 1");
    }

    /** These resources with every field {@code over} sets replacing this one's (extra options add up). */
    public SlurmResources overriddenBy(SlurmResources over) {
        List<String> options = new ArrayList<>(extra);
        options.addAll(over.extra);
        return new SlurmResources(pick(over.cpusPerTask, cpusPerTask), pick(over.mem, mem), pick(over.time, time),
                pick(over.partition, partition), pick(over.account, account), pick(over.gres, gres), options,
                pick(over.maxParallel, maxParallel),
                over.signalSeconds != DEFAULT_SIGNAL_SECONDS ? over.signalSeconds : signalSeconds);
    }

    /**
     * A properties file: {@code cpus-per-task}, {@code mem}, {@code time}, {@code partition},
     * {@code account}, {@code gres}, {@code sbatch-options} (split at spaces), {@code max-parallel},
     * {@code signal-seconds}. An unknown key is an error, so that a typo does not go unnoticed.
     */
    public static SlurmResources read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IOException(file + ": unknown key '" + key + "'; expected one of " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
        }
        try {
            String options = p.getProperty("sbatch-options", "").trim();
            return new SlurmResources(integer(p, "cpus-per-task"), p.getProperty("mem"), p.getProperty("time"),
                    p.getProperty("partition"), p.getProperty("account"), p.getProperty("gres"),
                    options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")), integer(p, "max-parallel"),
                    p.containsKey("signal-seconds") ? integer(p, "signal-seconds") : DEFAULT_SIGNAL_SECONDS);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    private static Integer integer(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, found '" + v + "'");
        }
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
