package org.prunesh.interpreter.exec;

import org.prunesh.ops.stp.StimulusSpec;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.prune.Decimals;
import org.prunesh.ops.schedule.StepPoint;
import org.prunesh.ops.train.LrSchedule;
import org.prunesh.ops.train.TrainConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings in force written back as the language's statements, in the formatter's canonical
 * layout (one statement a line, single spaces): what {@code show config;} and the REPL's {@code :show} print. Running the output in a fresh session
 * sets up the same configuration (data paths are written resolved).
 */
public final class ConfigStatements {

    private ConfigStatements() {
    }

    public static String of(SessionState s) {
        List<String> out = new ArrayList<>();
        out.add("seed " + s.seed() + ";");
        if (s.data() != null) out.add(data(s.data()) + ";");
        ArchValue scratch = s.model() == null ? null : s.stp().scratch();
        if (s.model() != null && scratch == null) out.add(model(s.model()) + ";");
        out.add(train(s.train()) + ";");
        PruningState p = s.pruning();
        out.add("schedule " + p.schedule().describe() + ";");
        out.add("select " + p.selection().describe() + ";");
        out.add("scope " + p.scope().name().toLowerCase() + (p.bounds().isNone() ? "" : " min_density "
                + Decimals.plain(p.bounds().min()) + " max_density " + Decimals.plain(p.bounds().max())) + ";");
        out.add("granularity " + p.granularity().describe() + ";");
        out.add("count " + (p.countAll() ? "all" : "prunable") + ";");
        out.add("exclude " + exclusions(p.exclusions()) + ";");
        out.add((p.regrowth() == null ? "regrow none" : p.regrowth().describe()) + ";");
        out.add((p.init() == null ? "init dense" : p.init().describe()) + ";");
        stp(s.stp(), out);
        Map<String, Definition> defs = new TreeMap<>(s.definitions());
        String archName = scratch == null ? null : archName(defs, scratch);
        defs.forEach((name, value) -> {
            if (value instanceof Definition.Schedule d) out.add("let " + name + " = schedule " + d.spec().describe() + ";");
            if (value instanceof Definition.Selection d) out.add("let " + name + " = select " + d.spec().describe() + ";");
            if (value instanceof Definition.Architecture d && d.arch().searched() == null && !d.arch().depth().isEmpty()
                    && !name.equals(archName)) {
                out.add(arch(name, d.arch()));
            }
        });
        if (scratch != null) {
            // last, with its arch just before it, so that the output read again prints the same lines
            out.add(arch(archName, scratch));
            out.add(model(s.model()) + " arch " + archName + ";");
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * The name the model's arch is written under: the definition that still holds it, else the
     * first of model_arch, model_arch_2, ... that names nothing.
     */
    private static String archName(Map<String, Definition> defs, ArchValue scratch) {
        for (Map.Entry<String, Definition> e : defs.entrySet()) {
            if (e.getValue() instanceof Definition.Architecture d && d.arch().equals(scratch)) return e.getKey();
        }
        String name = "model_arch";
        for (int i = 2; defs.containsKey(name); i++) name = "model_arch_" + i;
        return name;
    }

    private static String arch(String name, ArchValue a) {
        return "let " + name + " = arch depth " + a.depth() + " width " + numbers(a.width())
                + (a.inner() == null ? "" : " inner " + numbers(a.inner())) + ";";
    }

    /** The STP settings, when a space or stimulative training was given. */
    private static void stp(StpState t, List<String> out) {
        if (t.space() != null) {
            out.add(t.space() + " importance " + t.importance().name().toLowerCase() + " refresh "
                    + t.refresh().amount() + (t.refresh().epochs() ? " epochs" : " steps") + ";");
        }
        if (t.budget() != null) out.add("budget flops " + Decimals.plain(t.budget()) + ";");
        StimulusSpec k = t.stimulus();
        if (k != null) {
            out.add("stimulate subnets " + k.subnets() + " lambda " + Decimals.plain(k.lambda()) + " temperature "
                    + Decimals.plain(k.temperature()) + " " + k.sampler().describe() + " " + k.order().describe() + ";");
        } else if (t.space() != null) {
            out.add("stimulate off;");
        }
    }

    static String data(DataSpec d) {
        if (d instanceof DataSpec.HeldOut h) return data(h.base()) + " holdout " + h.samples();
        if (d instanceof DataSpec.Synthetic y) {
            return "data synthetic samples " + y.samples() + " test_samples " + y.testSamples() + " features "
                    + y.features() + " classes " + y.classes() + " noise " + Decimals.plain(y.noise()) + " seed " + y.seed();
        }
        if (d instanceof DataSpec.Idx i) return "data " + i.name() + " path " + quoted(i.dir().toString())
                + limits(i.limit(), i.testLimit()) + normalisation(i.mean(), i.std());
        DataSpec.Cifar10 c = (DataSpec.Cifar10) d;
        return "data cifar10 path " + quoted(c.dir().toString()) + limits(c.limit(), c.testLimit())
                + normalisation(c.mean(), c.std());
    }

    static String model(ModelSpec m) {
        String width = " width " + Decimals.plain(m.width());
        if (m instanceof ModelSpec.Mlp mlp) return "model mlp hidden " + mlp.hidden() + width;
        return "model " + m.name() + width;
    }

    static String train(TrainConfig t) {
        StringBuilder sb = new StringBuilder("train epochs ").append(t.epochs()).append(" batch ").append(t.batch())
                .append(" optimizer ").append(t.optimizer().name().toLowerCase()).append(" lr ").append(Decimals.plain(t.lr()));
        if (t.optimizer() == TrainConfig.Optimizer.SGD) {
            sb.append(" momentum ").append(Decimals.plain(t.momentum())).append(t.nesterov() ? " nesterov" : "");
        }
        sb.append(" weight_decay ").append(Decimals.plain(t.weightDecay()))
                .append(" label_smoothing ").append(Decimals.plain(t.labelSmoothing()))
                .append(" decay ").append(t.lrSchedule().describe());
        StepPoint warmup = t.lrSchedule().warmup();
        if (!warmup.equals(LrSchedule.NO_WARMUP)) sb.append(" warmup ").append(warmup.describe());
        if (t.augmentation().cropPadding() > 0) sb.append(" crop ").append(t.augmentation().cropPadding());
        if (t.augmentation().flip()) sb.append(" flip");
        return sb.toString();
    }

    private static String exclusions(Exclusions e) {
        List<String> items = new ArrayList<>();
        if (e.first()) items.add("first");
        if (e.last()) items.add("last");
        if (e.bias()) items.add("bias");
        if (e.norm()) items.add("norm");
        e.globs().forEach(g -> items.add(quoted(g)));
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String limits(int limit, int testLimit) {
        return (limit > 0 ? " limit " + limit : "") + (testLimit > 0 ? " test_limit " + testLimit : "");
    }

    private static String normalisation(List<Double> mean, List<Double> std) {
        return mean == null ? "" : " mean " + numbers(mean) + " std " + numbers(std);
    }

    private static String numbers(List<Double> xs) {
        return xs.stream().map(Decimals::plain).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
