package org.prunesh.interpreter.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.exec.ReportTarget;
import org.prunesh.interpreter.exec.StpLowering;
import org.prunesh.ops.prune.Anneal;
import org.prunesh.ops.prune.Granularity;
import org.prunesh.ops.prune.Scope;
import org.prunesh.ops.prune.Scores;
import org.prunesh.ops.run.JsonKinds;
import org.prunesh.ops.schedule.ScheduleSpec;
import org.prunesh.ops.stp.Importance;
import org.prunesh.ops.train.LrSchedule;
import org.prunesh.ops.train.RegrowthSpec;
import org.prunesh.ops.train.SparseInitSpec;
import org.prunesh.ops.train.TrainConfig;

import static org.prunesh.interpreter.ast.OptionKey.*;

/**
 * Every name the language knows that is not a keyword, and which options go with which of them.
 * The grammar accepts any identifier in these places; adding a data set, model, optimizer,
 * schedule kind or score is an edit here (and in lowering), not in the grammar.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * A closed list of names of one kind.
     *
     * @param kind   how messages call one of them: "unknown {kind} 'x'"
     * @param phrase how messages name one of them with its kind, {@code %s} being the name
     */
    public record Words(String kind, String phrase, List<String> names) {

        public boolean contains(String name) {
            return names.contains(name);
        }

        public String phrase(String name) {
            return phrase.formatted(name);
        }
    }

    /**
     * Which options a named thing takes, and which of them it cannot do without.
     *
     * @param accepts  name -> the option keys it takes; an option outside the map's values
     *                 (one that every member takes) is not governed here
     * @param requires name -> the option keys it needs
     */
    public record Applicability(Words words, Map<String, Set<OptionKey>> accepts, Map<String, List<OptionKey>> requires) {

        /** True when this family decides about {@code key}, i.e. some member does not take it. */
        public boolean governs(OptionKey key) {
            return accepts.values().stream().anyMatch(keys -> keys.contains(key))
                    && !accepts.values().stream().allMatch(keys -> keys.contains(key));
        }

        public boolean accepts(String name, OptionKey key) {
            return accepts.getOrDefault(name, Set.of()).contains(key);
        }

        /** The members that take {@code key}, in vocabulary order. */
        public List<String> takers(OptionKey key) {
            return words.names().stream().filter(name -> accepts(name, key)).toList();
        }

        public List<OptionKey> required(String name) {
            return requires.getOrDefault(name, List.of());
        }
    }

    public static final Words DATASETS = new Words("data set", "%s data",
            List.of("synthetic", "fashion-mnist", "mnist", "cifar10"));
    public static final Words MODELS = new Words("model", "model %s",
            List.of("mlp", "lenet5", "cnn", "resnet20", "resnet32", "resnet56", "resnet110", "resnet50", "vgg19"));
    public static final Words OPTIMIZERS = new Words("optimizer", "optimizer %s", words(TrainConfig.Optimizer.values()));
    public static final Words DECAYS = new Words("learning-rate decay", "decay %s", JsonKinds.of(LrSchedule.class));
    public static final Words SCHEDULE_KINDS = new Words("schedule", "schedule %s", JsonKinds.of(ScheduleSpec.class));
    /** The criteria ops knows, in its order. */
    public static final Words SCORES = new Words("score", "score %s", Scores.names());
    public static final Words SCOPES = new Words("scope", "scope %s", words(Scope.values()));
    public static final Words GRANULARITIES = new Words("granularity", "granularity %s", Granularity.KINDS);
    public static final Words NORMS = new Words("channel norm", "norm %s", words(Granularity.Norm.values()));
    public static final Words COUNTS = new Words("count", "count %s", List.of("prunable", "all"));
    public static final Words REGROW_METHODS = new Words("regrowth method", "regrow %s",
            words(RegrowthSpec.Method.values(), "none"));
    /** How an annealed pool moves from its first ratio to its last (a constant pool is {@code pool R}). */
    public static final Words POOL_CURVES = new Words("curve", "curve %s", words(new Anneal[]{Anneal.COSINE, Anneal.LINEAR}));
    /** How the regrown fraction decays over the regrowth window. */
    public static final Words REGROW_CURVES = new Words("curve", "curve %s", words(Anneal.values()));
    public static final Words INITS = new Words("initialisation", "init %s", words(SparseInitSpec.Kind.values(), "dense"));
    public static final Words EXCLUSIONS = new Words("exclusion", "%s",
            List.of("first", "last", "bias", "norm", "none"));
    public static final Words EXPORTS = new Words("export", "export %s", List.of("tensors"));
    public static final Words REPORTS = new Words("report", "report %s", ReportTarget.words());
    public static final Words SHOWS = new Words("show target", "show %s", List.of("schedule"));

    /** How a space orders channels so that a width keeps the most important ones: filter L1 norm or BN scale. */
    public static final Words IMPORTANCES = new Words("channel importance", "importance %s", words(Importance.values()));
    /** What a budget counts. */
    public static final Words BUDGET_METRICS = new Words("budget metric", "budget %s", List.of("flops"));
    /**
     * Where stimulative training draws its subnets: mutating expansion toward the budget, uniformly
     * from a band under it, or ({@code off}) uniformly from the whole space; ops' {@code Sampling}.
     */
    public static final Words EXPANSIONS = new Words("expansion", "expansion %s", List.of("mutate", "uniform", "off"));
    /** Which channels a width keeps during stimulative training; ops' {@code WidthOrder}. */
    public static final Words WIDTH_ORDERS = new Words("width order", "order %s", List.of("fixed", "reranked", "frozen"));
    public static final Words SEARCH_STRATEGIES = new Words("search strategy", "search %s",
            List.of("evolutionary", "random", "uniform", "sample"));
    /** Architectures have no fixed names; this only names their kind in messages. */
    public static final Words ARCHITECTURES = new Words("architecture", "arch %s", List.of());

    /** The scores whose computation has variants ({@code mean K}, {@code ema B}), as ops says. */
    public static final List<String> SCORES_WITH_VARIANTS = Scores.names().stream().filter(Scores::takesVariants).toList();

    /** The granularity that leaves every weight its own unit; the only one regrowth works with. */
    public static final String UNSTRUCTURED = "unstructured";
    public static final String NM = "nm";
    public static final String CHANNEL = "channel";
    /** The schedule kind that takes a point list. */
    public static final String POINTS = "points";
    /** The schedule kind that prunes nothing. */
    public static final String NO_SCHEDULE = "none";
    /** The regrowth method that turns regrowth off. */
    public static final String NO_REGROW = "none";
    /** The initialisation that starts dense and so takes no sparsity. */
    public static final String DENSE = "dense";

    /** The expansion that mutates the sampled subnets toward the budget (the one {@code until} belongs to). */
    public static final String MUTATE = "mutate";
    /** The expansion that draws uniformly under the budget. */
    public static final String UNIFORM = "uniform";
    /** Subnets from the whole space, as when no expansion is given. */
    public static final String NO_EXPANSION = "off";
    /** The width order that ranks, then stops at {@code after}. */
    public static final String FROZEN_ORDER = "frozen";
    /** The width order without {@code order} (at half of training unless {@code after} says when). */
    public static final String DEFAULT_ORDER = StpLowering.DEFAULT_ORDER;

    /** The exclusion that clears all others; it stands alone. */
    public static final String EXCLUDE_NONE = "none";

    private static final Set<OptionKey> FILE_DATA = Set.of(PATH, LIMIT, TEST_LIMIT, HOLDOUT, MEAN, STD);

    public static final Applicability DATA_OPTIONS = new Applicability(DATASETS,
            Map.of("synthetic", Set.of(SAMPLES, TEST_SAMPLES, FEATURES, CLASSES, NOISE, SEED, HOLDOUT),
                    "fashion-mnist", FILE_DATA,
                    "mnist", FILE_DATA,
                    "cifar10", FILE_DATA),
            Map.of("cifar10", List.of(PATH)));

    public static final Applicability MODEL_OPTIONS = new Applicability(MODELS,
            Map.of("mlp", Set.of(HIDDEN, WIDTH), "lenet5", Set.of(WIDTH), "cnn", Set.of(WIDTH),
                    "resnet20", Set.of(WIDTH, ARCH), "resnet32", Set.of(WIDTH, ARCH),
                    "resnet56", Set.of(WIDTH, ARCH), "resnet110", Set.of(WIDTH, ARCH),
                    "resnet50", Set.of(WIDTH), "vgg19", Set.of(WIDTH)),
            Map.of());

    /** Train options that belong to one optimizer; the others apply to all. */
    public static final Applicability OPTIMIZER_OPTIONS = new Applicability(OPTIMIZERS,
            Map.of("sgd", Set.of(MOMENTUM, NESTEROV), "adam", Set.of()),
            Map.of());

    public static final Applicability SCHEDULE_OPTIONS = new Applicability(SCHEDULE_KINDS,
            Map.of("cubic", Set.of(FROM, TO, START, END, EVERY, EXPONENT),
                    "linear", Set.of(FROM, TO, START, END, EVERY),
                    "exp", Set.of(FROM, TO, START, END, EVERY),
                    "constant", Set.of(TO, START, END, EVERY),
                    "oneshot", Set.of(TO, AT),
                    "points", Set.of(),
                    "none", Set.of()),
            Map.of("cubic", List.of(TO), "linear", List.of(TO), "exp", List.of(TO), "constant", List.of(TO),
                    "oneshot", List.of(TO, AT)));

    private static final Set<OptionKey> REGROWTH = Set.of(FRACTION, EVERY, START, END, ANNEAL);

    public static final Applicability REGROW_OPTIONS = new Applicability(REGROW_METHODS,
            Map.of("granet", REGROWTH, "rigl", REGROWTH, "none", Set.of()),
            Map.of());

    /**
     * Search options by strategy: evolutionary and random score candidates by the KD loss on held-out
     * batches after recalibrating normalisation; uniform (L1-norm filter pruning to one width) and
     * sample (one random architecture) score nothing, and only the random ones take a seed.
     */
    public static final Applicability SEARCH_OPTIONS = new Applicability(SEARCH_STRATEGIES,
            Map.of("evolutionary", Set.of(POPULATION, GENERATIONS, MUTATION, CROSSOVER, BATCHES,
                            CALIBRATION, SEED, MIN),
                    "random", Set.of(SAMPLES, BATCHES, CALIBRATION, SEED, MIN),
                    "uniform", Set.of(),
                    "sample", Set.of(SEED, MIN)),
            Map.of());

    /** Stimulate options by expansion: {@code until} paces mutation, {@code min} floors uniform draws. */
    public static final Applicability EXPANSION_OPTIONS = new Applicability(EXPANSIONS,
            Map.of("mutate", Set.of(UNTIL, UNCAPPED), "uniform", Set.of(MIN, UNCAPPED), "off", Set.of()),
            Map.of());

    /** Stimulate options by width order: a frozen order stops moving {@code after} a point of training. */
    public static final Applicability ORDER_OPTIONS = new Applicability(WIDTH_ORDERS,
            Map.of("fixed", Set.of(), "reranked", Set.of(), "frozen", Set.of(AFTER)),
            Map.of("frozen", List.of(AFTER)));

    /** An ops enum's constants as the script writes them (lower case, in declaration order), then {@code extra}. */
    private static List<String> words(Enum<?>[] constants, String... extra) {
        List<String> names = new ArrayList<>();
        for (Enum<?> c : constants) names.add(c.name().toLowerCase(Locale.ROOT));
        names.addAll(Arrays.asList(extra));
        return List.copyOf(names);
    }

    /** Every name above, for completion. */
    public static List<String> allNames() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Words words : List.of(DATASETS, MODELS, OPTIMIZERS, DECAYS, SCHEDULE_KINDS, SCORES, SCOPES, GRANULARITIES,
                NORMS, COUNTS, REGROW_METHODS, POOL_CURVES, REGROW_CURVES, INITS, EXCLUSIONS, EXPORTS, REPORTS, SHOWS,
                IMPORTANCES, BUDGET_METRICS, EXPANSIONS, WIDTH_ORDERS, SEARCH_STRATEGIES)) {
            words.names().forEach(name -> names.put(name, true));
        }
        return List.copyOf(names.keySet());
    }
}
