package org.prunesh.ops.train;

import org.prunesh.ops.prune.Anneal;
import org.prunesh.ops.prune.regrow.RegrowthPlan;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.schedule.StepPoint;

/**
 * Prune-and-regrow as a script states it, before the step clock is known. Both methods drop the
 * lowest-|w| active weights of each layer and regrow as many inactive ones with the largest dense
 * |g| (GraNet, Liu et al. 2021; RigL, Evci et al. 2020); they differ in what surrounds the step:
 * GraNet runs it alongside a gradual schedule, RigL at constant density from a sparse start.
 */
public record RegrowthSpec(Method method, double fraction, StepPoint start, StepPoint end, StepPoint every,
                           Anneal anneal) {

    public enum Method { GRANET, RIGL }

    public RegrowthPlan resolve(StepClock clock) {
        long s = clock.clamp(start.toSteps(clock));
        long e = clock.clamp(end.toSteps(clock));
        long d = every.toSteps(clock);
        if (d < 1) throw new IllegalArgumentException("regrow every " + every.describe() + " is less than one step");
        if (e < s) throw new IllegalArgumentException("regrowth ends (step " + e + ") before it starts (step " + s + ")");
        return new RegrowthPlan(s, e, d, fraction, anneal);
    }

    public String describe() {
        return "regrow " + method.name().toLowerCase() + " fraction " + fraction + " start " + start.describe()
                + " end " + end.describe() + " every " + every.describe() + " anneal " + anneal.word();
    }
}
