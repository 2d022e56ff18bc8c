package org.prunesh.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Slurm cluster the tests submit to: the one SLURM_CONF names ({@code .ci/run} starts a
 * one-node cluster with {@code scripts/slurm-local}). Tests that need it are skipped without it.
 */
final class LocalSlurm {

    private static String unavailable;
    private static boolean probed;

    private LocalSlurm() {
    }

    /** Skips the calling test, saying why, when no cluster answers. */
    static synchronized void assumeAvailable() {
        if (!probed) {
            probed = true;
            if (System.getenv("SLURM_CONF") == null) {
                unavailable = "SLURM_CONF is not set";
            } else {
                try {
                    String nodes = run("sinfo", "-h", "-o", "%T");
                    if (!nodes.matches("(?s).*\\b(idle|mixed|allocated)\\b.*")) unavailable = "no node up: " + nodes;
                } catch (IOException e) {
                    unavailable = e.getMessage();
                }
            }
        }
        assumeTrue(unavailable == null, () -> "Slurm is not available (" + unavailable
                + "); .ci/run starts a local cluster with scripts/slurm-local");
    }

    /** Runs a Slurm command and returns its standard output; a failure is an IOException with its error. */
    static String run(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Slurm's state of array task {@code job_index} (PENDING, RUNNING, ...), with its restart count. */
    static List<String> state(String job, int index) throws IOException {
        String line = run("scontrol", "-o", "show", "job", job + "_" + index);
        List<String> out = new ArrayList<>();
        for (String key : List.of("JobState=", "Restarts=")) {
            int at = line.indexOf(key);
            out.add(at < 0 ? "" : line.substring(at + key.length()).split("\\s")[0]);
        }
        return out;
    }
}
