package org.prunesh.interpreter.exec;

import org.nd4j.linalg.factory.Nd4j;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.train.TrainConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** The resolved configuration of a run, written as {@code config.json}: enough to re-derive it. */
record RunConfig(String name, long seed, DataSpec data, ModelSpec model, TrainConfig train,
                 ScheduleSpec schedule, StepClock clock, List<SchedulePoint> pruningSteps,
                 String selection, String scope, Exclusions exclusions, List<String> prunable,
                 Provenance provenance) {

    record Provenance(String java, String nd4j, String backend, String os) {
    }

    static RunConfig of(String name, SessionState s, SparsitySchedule schedule, List<String> prunable) {
        return new RunConfig(name, s.seed(), s.data(), s.model(), s.train(), s.schedule(), schedule.clock(),
                schedule.points(), s.selection().describe(), s.scope().name().toLowerCase(), s.exclusions(),
                prunable, new Provenance(System.getProperty("java.version"), nd4jVersion(),
                        Nd4j.getBackend().getClass().getSimpleName() + " " + System.getProperty("org.nd4j.backend", ""),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")));
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
