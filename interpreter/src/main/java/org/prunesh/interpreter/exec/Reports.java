package org.prunesh.interpreter.exec;

import org.prunesh.results.LayerTable;
import org.prunesh.ops.model.Flops;
import org.prunesh.ops.schedule.SchedulePoint;
import org.prunesh.ops.schedule.SparsitySchedule;
import org.prunesh.ops.schedule.StepClock;
import org.prunesh.ops.train.EpochMetrics;
import org.prunesh.ops.train.Evaluator;
import org.prunesh.ops.train.Trainer;

import java.nio.file.Path;
import java.util.List;

/** The text a statement shows the user. */
final class Reports {

    private Reports() {
    }

    static String runFinished(String name, Path dir, Trainer.Result r, LayerTable layers) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-6s %10s %10s %9s %9s %8s%n", "epoch", "train loss", "test loss", "test acc",
                "sparsity", "time"));
        for (EpochMetrics m : r.epochs()) {
            sb.append(String.format("%-6d %10s %10.4f %8.2f%% %8.2f%% %7.1fs%n", m.epoch(),
                    Double.isNaN(m.trainLoss()) ? "n/a" : String.format("%.4f", m.trainLoss()),
                    m.testLoss(), 100 * m.testAccuracy(), 100 * m.sparsity(), m.seconds()));
        }
        EpochMetrics last = r.epochs().isEmpty() ? null : r.epochs().get(r.epochs().size() - 1);
        sb.append(String.format("run '%s'%s: test accuracy %s, sparsity %.2f%% of prunable (%.2f%% of all), "
                        + "%,d steps in %.1fs%n", name, r.cancelled() ? " (cancelled)" : "",
                last == null ? "n/a" : String.format("%.2f%%", 100 * last.testAccuracy()),
                100 * layers.sparsityOverPrunable(), 100 * layers.sparsityOverAll(), r.steps(), r.seconds()));
        sb.append("written to ").append(dir).append('\n');
        return sb.toString();
    }

    static String evaluation(String name, Evaluator.Result e) {
        return String.format("run '%s' on the test split: accuracy %.2f%%, loss %.4f (%,d samples)%n",
                name, 100 * e.accuracy(), e.loss(), e.samples());
    }

    static String schedule(SparsitySchedule s, String written) {
        StepClock c = s.clock();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("schedule %s: %,d steps per epoch, %,d steps in all%n", written,
                c.stepsPerEpoch(), c.totalSteps()));
        List<SchedulePoint> points = s.points();
        if (points.isEmpty()) {
            sb.append("no pruning steps (dense training)\n");
            return sb.toString();
        }
        sb.append(String.format("first pruning at step %,d, last at step %,d, %d pruning steps%n",
                points.get(0).step(), points.get(points.size() - 1).step(), points.size()));
        sb.append(String.format("%10s %8s %9s%n", "step", "epoch", "target"));
        for (SchedulePoint p : points) {
            sb.append(String.format("%,10d %8.2f %8.2f%%%n", p.step(), p.epoch(), 100 * p.target()));
        }
        return sb.toString();
    }

    /** The session's finished runs side by side, in the order they ran. */
    static String runs(List<SessionState.RunRow> rows) {
        if (rows.isEmpty()) return "no finished runs in this session\n";
        int width = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        StringBuilder sb = new StringBuilder(String.format("%-" + width + "s  %8s  %9s  %9s  %8s  %s%n",
                "run", "test acc", "sparsity", "(of all)", "time", "method"));
        for (SessionState.RunRow r : rows) {
            sb.append(String.format("%-" + width + "s  %7.2f%%  %8.2f%%  %8.2f%%  %7.1fs  %s%s%n", r.name(),
                    100 * r.testAccuracy(), 100 * r.sparsityPrunable(), 100 * r.sparsityAll(), r.seconds(),
                    r.selection(), r.cancelled() ? " (cancelled)" : ""));
        }
        return sb.toString();
    }

    /** Parameters and multiply-accumulates per layer, dense and under the masks. */
    static String flops(Flops.Report r) {
        int width = Math.max(5, r.rows().stream().mapToInt(row -> row.layer().length()).max().orElse(5));
        StringBuilder sb = new StringBuilder(String.format("%-" + width + "s  %12s  %12s  %16s  %16s%n",
                "layer", "params", "active", "MACs", "effective MACs"));
        for (Flops.Row row : r.rows()) {
            if (row.macs() == 0) continue;  // normalisation layers: parameters, no multiply-accumulates
            sb.append(String.format("%-" + width + "s  %,12d  %,12d  %,16d  %,16d%n", row.layer(), row.params(),
                    row.activeParams(), row.macs(), row.effectiveMacs()));
        }
        sb.append(String.format("%-" + width + "s  %,12d  %,12d  %,16d  %,16d%n", "total", r.params(),
                r.activeParams(), r.macs(), r.effectiveMacs()));
        sb.append(String.format("MACs per image: %.2f M dense, %.2f M effective (%.2fx fewer); "
                        + "conv and dense layers only, effective = dense x active/all weights per layer%n",
                r.macs() / 1e6, r.effectiveMacs() / 1e6, r.effectiveMacs() == 0 ? 0 : (double) r.macs() / r.effectiveMacs()));
        return sb.toString();
    }
}
