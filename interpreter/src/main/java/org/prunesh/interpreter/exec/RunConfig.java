package org.prunesh.interpreter.exec;

import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.prune.DensityBounds;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.train.TrainConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The resolved configuration of a run, written as {@code config.json}: enough to re-derive it. */
record RunConfig(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train,
                 ScheduleSpec schedule, String scheduleWritten, StepClock clock, List<SchedulePoint> pruningSteps,
                 String selection, String scope, DensityBounds bounds, String granularity, Exclusions exclusions,
                 String count, String regrowth, String init, List<String> prunable, String stimulate,
                 Provenance provenance, Replay replay) {

    /**
     * How to find this run again in its script for {@code prune-sh resume}: the script.prn beside
     * it is replayed, and its {@code ordinal}-th executed run statement (1-based) is this run;
     * {@code only} is the slice of the sweep the command ran ({@code run --only}), empty for all of it.
     */
    record Replay(int ordinal, String source, String baseDir, Map<String, List<String>> only) {
    }

    record Provenance(String java, String nd4j, String backend, String os) {
    }

    static RunConfig of(String name, SessionState s, SparsitySchedule schedule, List<String> prunable, Replay replay) {
        PruningState p = s.pruning();
        return new RunConfig(name, s.seed(), s.data(), s.model(), s.train(), p.schedule(), p.schedule().describe(),
                schedule.clock(), schedule.points(), p.selection().describe(), p.scope().name().toLowerCase(),
                p.bounds(), p.granularity().describe(), p.exclusions(), p.countAll() ? "all" : "prunable",
                p.regrowth() == null ? null : p.regrowth().describe(), p.init() == null ? null : p.init().describe(),
                prunable, StpLowering.describe(s.stp()), new Provenance(System.getProperty("java.version"), nd4jVersion(),
                        Nd4j.getBackend().getClass().getSimpleName() + " " + System.getProperty("org.nd4j.backend", ""),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")), replay);
    }

    private static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
