package org.prunesh.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code sbatch} command line of one submission and the batch script each array task runs.
 * The script starts the cell in the background so that bash can take Slurm's signals: the early
 * warning before the time limit ({@code USR1}) makes the cell stop at its next step and the task
 * requeue itself; {@code TERM} (preemption, {@code scontrol requeue}, {@code scancel}) is passed on,
 * and Slurm decides whether the task comes back. A requeued task finds its cell's interrupted run
 * and continues it from the checkpoint.
 */
public final class SbatchCommand {

    private SbatchCommand() {
    }

    /** {@code --array} for these cell indices: {@code 0,2-4%K}. */
    public static String arraySpec(List<Integer> indices, Integer maxParallel) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < indices.size()) {
            int j = i;
            while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) j++;
            parts.add(i == j ? String.valueOf(indices.get(i)) : indices.get(i) + "-" + indices.get(j));
            i = j + 1;
        }
        return String.join(",", parts) + (maxParallel == null ? "" : "%" + maxParallel);
    }

    /** The argument list, {@code sbatch} first; {@code testOnly} adds {@code --test-only} (nothing is submitted). */
    public static List<String> argv(String jobName, List<Integer> indices, SlurmResources r, Path submissionDir,
                                    boolean testOnly) {
        List<String> a = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (testOnly) a.add("--test-only");
        a.add("--job-name=" + jobName);
        a.add("--array=" + arraySpec(indices, r.maxParallel()));
        a.add("--output=" + submissionDir.resolve("cell-%a.log"));
        a.add("--open-mode=append");
        a.add("--requeue");
        a.add("--signal=B:USR1@" + r.signalSeconds());
        if (r.cpusPerTask() != null) a.add("--cpus-per-task=" + r.cpusPerTask());
        if (r.mem() != null) a.add("--mem=" + r.mem());
        if (r.time() != null) a.add("--time=" + r.time());
        if (r.partition() != null) a.add("--partition=" + r.partition());
        if (r.account() != null) a.add("--account=" + r.account());
        if (r.gres() != null) a.add("--gres=" + r.gres());
        a.addAll(r.extra());
        a.add(submissionDir.resolve(BATCH_SCRIPT).toString());
        return a;
    }

    public static final String BATCH_SCRIPT = "cell.sh";

    /** The exit marker a task leaves in the submission directory: its cell's exit status. */
    public static String exitMarker(int index) {
        return "cell-" + index + ".exit";
    }

    public static String log(int index) {
        return "cell-" + index + ".log";
    }

    /**
     * The batch script: runs {@code cellCommand} followed by {@code --index $SLURM_ARRAY_TASK_ID}
     * and the script file, in {@code workDir}.
     */
    public static String batchScript(List<String> cellCommand, String script, Path workDir, Path submissionDir) {
        String command = cellCommand.stream().map(SbatchCommand::quote).collect(Collectors.joining(" "));
        return """
                #!/bin/bash
                # Written by `prune-sh run --executor slurm`: one array task runs one cell of the sweep.
                cd %s || exit 66
                export OMP_NUM_THREADS="${OMP_NUM_THREADS:-${SLURM_CPUS_PER_TASK:-1}}"
                marker=%s/cell-"$SLURM_ARRAY_TASK_ID".exit
                rm -f "$marker"
                echo "prune-sh: cell $SLURM_ARRAY_TASK_ID of job ${SLURM_ARRAY_JOB_ID} on $(hostname), start ${SLURM_RESTART_COUNT:-0}, $(date -u +%%FT%%TZ)"
                requeue=0
                trapped=0
                trap 'trapped=1; requeue=1; kill -TERM "$pid" 2>/dev/null' USR1
                trap 'trapped=1; kill -TERM "$pid" 2>/dev/null' TERM
                %s --index "$SLURM_ARRAY_TASK_ID" %s &
                pid=$!
                # a trapped signal ends `wait` early: wait again until the cell itself has ended
                while :; do trapped=0; wait "$pid"; status=$?; [ "$trapped" = 1 ] || break; done
                if [ "$requeue" = 1 ]; then
                  echo "prune-sh: the time limit is near; the cell stopped at its checkpoint and is requeued"
                  scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
                  exit "$status"
                fi
                echo "$status" > "$marker"
                exit "$status"
                """.formatted(quote(workDir.toString()), quote(submissionDir.toString()), command,
                quote(script));
    }

    /** Single-quoted for bash. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./=:@%+,-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
