package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * One statement of a script. Its span starts at the statement's first word and runs to its
 * {@code ;} (to the end of the first line when the statement spans several). The records below
 * are every form there is (a sealed type without {@code permits} permits those declared in its file).
 */
public sealed interface Stmt {

    Span span();

    /** {@code seed 18;} */
    record Seed(Num value, Span span) implements Stmt { }

    /** {@code data fashion-mnist limit 1000;} */
    record Data(Name dataset, Options options, Span span) implements Stmt { }

    /** {@code model mlp hidden [256, 128] width 0.5;} or {@code model resnet20 arch a;} ({@code arch} an {@link Ident}) */
    record Model(Name model, Options options, Span span) implements Stmt { }

    /** {@code train epochs 20 lr 0.1;} */
    record Train(Options options, Span span) implements Stmt { }

    /** {@code schedule cubic to 0.9 ...;} or {@code schedule agp;} */
    record Schedule(ScheduleExpr schedule, Span span) implements Stmt { }

    /** {@code select gradient ratio 0.5 then magnitude;} or {@code select fggp;} */
    record Select(SelectExpr selection, Span span) implements Stmt { }

    /** {@code scope global;} or {@code scope global min_density 0.02 max_density 0.5;} */
    record Scope(ScopeExpr expr, Span span) implements Stmt {

        /** The scope's name, e.g. {@code global}. */
        public Name scope() {
            return expr.name();
        }
    }

    /**
     * {@code granularity unstructured;}, {@code granularity nm 2:4;} or {@code granularity channel l2;}.
     *
     * @param pattern the {@code N:M} of {@code nm}, or null
     * @param norm    the filter norm of {@code channel} ({@code l1}, {@code l2}), or null when not given
     */
    record Granularity(Name kind, NmPattern pattern, Name norm, Span span) implements Stmt { }

    /** {@code count prunable;} or {@code count all;}: the denominator of the sparsity a schedule targets. */
    record Count(Name kind, Span span) implements Stmt { }

    /** {@code exclude first, bias, "conv*";} */
    record Exclude(List<ExcludeItem> items, Span span) implements Stmt {
        public Exclude {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code regrow granet fraction 0.5 every 100 steps end 90% anneal cosine;} or {@code regrow none;}.
     * The options are {@code fraction} (a number), {@code every} (an interval), {@code start} and
     * {@code end} (quantities) and {@code anneal} (an {@link Ident}: cosine, linear or constant).
     */
    record Regrow(Name method, Options options, Span span) implements Stmt { }

    /**
     * {@code init erk 0.5;}, {@code init uniform 0.5;} or {@code init dense;}.
     *
     * @param sparsity the initial sparsity, or null when none is given
     */
    record Init(Name kind, Num sparsity, Span span) implements Stmt { }

    /** {@code let agp = schedule cubic ...;} */
    record Let(Name name, LetValue value, Span span) implements Stmt { }

    /** {@code use gmp;}: the statements of the block {@code gmp}, here */
    record Use(Name name, Span span) implements Stmt { }

    /** {@code run;} or {@code run "fggp-90";}; {@code name} is null when none is given. */
    record Run(Str name, Span span) implements Stmt { }

    /**
     * {@code prune now to 0.9 by fggp;} or {@code prune now to 0.9 by gradient ratio 0.5 then magnitude
     * scope layerwise;}: prunes the current model once. {@code selection} is a chain or (one stage
     * without options) a name defined with {@code let}.
     *
     * @param scope the scope clause, or null to use the session's scope
     */
    record PruneNow(Num target, SelectExpr selection, ScopeExpr scope, Span span) implements Stmt { }

    /** {@code evaluate;} */
    record Evaluate(Span span) implements Stmt { }

    /** {@code export tensors to "out/tensors";} */
    record Export(Name what, Str path, Span span) implements Stmt { }

    /**
     * {@code report layers;}, {@code report compare by test_accuracy against fggp;} ({@code by} and
     * {@code against} null when absent; {@code against} reads {@code fggp} or {@code method=fggp})
     */
    record Report(Name what, Name by, Name against, Span span) implements Stmt {
        public Report(Name what, Span span) {
            this(what, null, null, span);
        }
    }

    /** {@code show schedule;} or {@code show NAME;} of an architecture */
    record Show(Name what, Span span) implements Stmt { }

    /** {@code show config;}: the settings in force, printed as statements. */
    record ShowConfig(Span span) implements Stmt {
        public static final String WORD = "config";
    }

    /** {@code sweep method in [fggp, gmp], seed in [1, 2] { select method; run; }} */
    record Sweep(List<SweepVar> vars, List<Stmt> body, Span span) implements Stmt {
        public Sweep {
            vars = List.copyOf(vars);
            body = List.copyOf(body);
        }
    }

    /** {@code save "name";} */
    record Save(Str name, Span span) implements Stmt { }

    /** {@code load "name";} */
    record Load(Str name, Span span) implements Stmt { }

    /** {@code import "common.prn";} replaced by the imported statements before checking. */
    record Import(Str path, Span span) implements Stmt { }

    /**
     * {@code space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125 per block importance bn refresh 2 epochs;}:
     * the architectures STP trains and searches.
     *
     * @param perBlock   true with {@code per block}: each block picks its own width, not each stage
     * @param importance {@code l1} or {@code bn}, the channel order a width keeps the front of; null when not given
     * @param refresh    how often the channel order is recomputed; null when not given
     */
    record Space(List<DepthRange> depth, WidthChoices width, boolean perBlock, Name importance, Quantity refresh,
                 Span span) implements Stmt {
        public Space {
            depth = List.copyOf(depth);
        }
    }

    /** {@code budget flops 0.35;} or {@code budget flops 35%;}: the share of the full network's FLOPs to keep. */
    record Budget(Name metric, Num fraction, Span span) implements Stmt { }

    /**
     * {@code stimulate subnets 2 lambda 1.0 temperature 4 expansion mutate until 50%;} or
     * {@code stimulate off;} ({@code off} true, no options). The options are {@code subnets},
     * {@code lambda}, {@code temperature}, {@code min} (numbers), {@code expansion} (an {@link Ident}:
     * mutate, uniform or off), {@code order} (an {@link Ident}: fixed, reranked or frozen),
     * {@code until} and {@code after} ({@link Quantity}s) and {@code uncapped} (a {@link Flag}).
     */
    record Stimulate(Options options, boolean off, Span span) implements Stmt { }

    /**
     * {@code search evolutionary population 16 generations 8 as best;}: a search over the space under
     * the budget whose result is named {@code as}. Every option is a number.
     */
    record Search(Name strategy, Options options, Name as, Span span) implements Stmt { }

    /** {@code extract best "stp-35";}: {@code runName} is null when none is given. */
    record Extract(Name arch, Str runName, Span span) implements Stmt { }

    /**
     * {@code extract "ch-50-small";}: the last run's network, channel-pruned, cut to the smaller
     * network that computes the same function, saved as run {@code runName}.
     */
    record ExtractPruned(Str runName, Span span) implements Stmt { }
}
