package org.prunesh.ops.schedule;

/** Dense training: the baseline every pruned run is compared with. */
public record NoPruningSpec() implements ScheduleSpec {

    @Override
    public double finalSparsity() {
        return 0;
    }


    @Override
    public NoPruningSchedule resolve(StepClock clock) {
        return new NoPruningSchedule(clock);
    }

    @Override
    public String describe() {
        return "none";
    }
}
