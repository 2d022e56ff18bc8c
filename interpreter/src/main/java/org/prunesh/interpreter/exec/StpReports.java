package org.prunesh.interpreter.exec;

import org.prunesh.ops.model.Architecture;
import org.prunesh.ops.stp.Arch;
import org.prunesh.ops.stp.RelativeSparsity;
import org.prunesh.ops.stp.SubnetLayout;
import org.prunesh.ops.train.Evaluator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Text for the STP statements: an architecture per stage next to the original, and the subnet table. */
final class StpReports {

    private StpReports() {
    }

    /** Per stage: blocks kept, stream channels kept, and each kept block's internal channels, against the full network. */
    static String perStage(Architecture a, Arch arch) {
        SubnetLayout layout = SubnetLayout.of(a, arch);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-9s %-11s %s", "stage", "blocks", "channels", "block widths (internal channels)"));
        for (Architecture.Stage stage : a.stages()) {
            String stream = stage.name() + ".stream";
            long full = group(a, stream).channels();
            int kept = 0;
            List<String> inner = new ArrayList<>();
            for (Architecture.Block b : stage.blocks()) {
                if (layout.droppedBlocks().contains(b.name())) continue;
                kept++;
                String g = b.name() + ".conv1";
                inner.add(layout.channels().get(g) + "/" + group(a, g).channels());
            }
            lines.add(String.format("%-8s %-9s %-11s %s", stage.name(), kept + "/" + stage.blocks().size(),
                    layout.channels().get(stream) + "/" + full, String.join(" ", inner)));
        }
        return String.join("\n", lines) + "\n";
    }

    private static Architecture.ChannelGroup group(Architecture a, String name) {
        for (Architecture.ChannelGroup g : a.groups()) if (g.name().equals(name)) return g;
        throw new IllegalArgumentException("no channel group " + name);
    }

    static String extracted(String name, String literal, String perStage, double fraction, long macs, long fullMacs,
                            long params, long fullParams, Evaluator.Result test, RelativeSparsity relative,
                            RelativeSparsity.Paired unbiased, Path dir) {
        RelativeSparsity.Stats o = relative.overall();
        return String.format("extracted '%s': %s%n%s  FLOPs %.1f%% (%,d of %,d MACs), parameters %,d of %,d%n"
                        + "  test accuracy %.2f%% without fine-tuning (loss %.4f)%n"
                        + "  before extraction: mean |w| dropped %.4g vs kept %.4g (ratio %.3f); in index order %.3f,"
                        + " at initialisation %.3f%n  saved in %s",
                name, literal, indent(perStage), 100 * fraction, macs, fullMacs, params, fullParams,
                100 * test.accuracy(), test.loss(), o.droppedMeanAbs(), o.keptMeanAbs(), o.ratio(),
                unbiased.trained().overall().ratio(), unbiased.untrained().overall().ratio(), dir);
    }

    private static String indent(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) b.append("  ").append(line).append('\n');
        return b.toString();
    }

    /** {@code report subnets}: every extracted subnet of the session. */
    static String subnets(List<StpState.SubnetRow> rows) {
        if (rows.isEmpty()) return "no subnets extracted yet: use 'extract NAME;' after a search\n";
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-26s %-18s %-13s %7s %11s %8s %9s %9s %9s %9s", "subnet", "from run", "strategy",
                "FLOPs", "params", "KD", "test acc", "|w| d/k", "index", "at init"));
        for (StpState.SubnetRow r : rows) {
            lines.add(String.format("%-26s %-18s %-13s %6.1f%% %11s %8s %8.2f%% %9.3f %9.3f %9.3f", r.name(), r.source(),
                    r.strategy(), 100 * r.macsFraction(), String.format("%,d", r.params()),
                    Double.isNaN(r.kd()) ? "-" : String.format("%.4f", r.kd()), 100 * r.testAccuracy(),
                    r.relativeMagnitude(), r.indexOrderRatio(), r.untrainedIndexOrderRatio()));
        }
        lines.add("FLOPs as a share of the full network's MACs; test accuracy without fine-tuning (batch-norm "
                + "statistics recalibrated on the training batches its search scored it with, 20 for a literal arch); "
                + "|w| d/k = mean |w| of dropped over kept structures in the search's channel order; index and at init: "
                + "the same with channels kept in index order (one order for every training), on the trained and on "
                + "the initial weights of the run (only their gap says what training did)");
        return String.join("\n", lines) + "\n";
    }

    /** {@code report arch}: the last extracted subnet per stage. */
    static String lastArch(List<StpState.SubnetRow> rows) {
        if (rows.isEmpty()) return "no subnets extracted yet: use 'extract NAME;' after a search\n";
        StpState.SubnetRow r = rows.get(rows.size() - 1);
        return r.name() + ": " + r.arch() + "\n" + r.perStage();
    }
}
