package org.prunesh.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Busy-loop child processes that keep cores busy while the bench measures, because users'
 * machines are rarely idle. Each is a shell spinning on builtins only (no child of its own), so
 * killing it stops the load. They are killed by {@link #close}, by a shutdown hook if the JVM exits
 * first (Ctrl-C), and, should the JVM die without running hooks (SIGKILL), by themselves: each
 * checks about every tenth of a second whether the process that started it is still alive.
 */
public final class LoadProcesses implements AutoCloseable {

    /** Additions between two checks on the parent: about 0.1 s of CPU in dash. */
    static final int SPINS_PER_CHECK = 100_000;

    private final List<Process> processes;
    private final Thread hook;

    private LoadProcesses(List<Process> processes) {
        this.processes = processes;
        this.hook = new Thread(this::kill, "prune-sh-load-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code count} spinners (none for 0) that also stop when this JVM is gone. */
    public static LoadProcesses start(int count) throws IOException {
        return start(count, ProcessHandle.current().pid());
    }

    /** Starts {@code count} spinners that also stop when process {@code watched} is gone. */
    static LoadProcesses start(int count, long watched) throws IOException {
        if (count < 0) throw new IllegalArgumentException("--load takes a count of 0 or more, got " + count);
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(new ProcessBuilder(command(watched))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start());
            }
        } catch (IOException | RuntimeException e) {
            for (Process p : started) p.destroyForcibly();
            throw e;
        }
        return new LoadProcesses(started);
    }

    /** One spinner: POSIX sh, builtins only, so the process is one plain CPU-bound loop. */
    static List<String> command(long watched) {
        return List.of("sh", "-c", "while kill -0 " + watched + " 2>/dev/null; do i=0; while [ $i -lt "
                + SPINS_PER_CHECK + " ]; do i=$((i+1)); done; done");
    }

    /** Spinners started and not yet exited. */
    public int running() {
        return (int) processes.stream().filter(Process::isAlive).count();
    }

    /** Process ids of the spinners, in start order. */
    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    /** Kills every spinner and waits until each is gone. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs kill() again, which is harmless
        }
    }

    private void kill() {
        for (Process p : processes) p.destroyForcibly();
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
