package org.prunesh.interpreter.resolve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each check of the STP statements (space, budget, stimulate, search, arch, extract), pinned: a
 * script and the exact diagnostics it gets, as {@code line:col: error: message}.
 */
class StpCheckerTableTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                // space
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125;"),
                row("data mnist; model resnet20; space depth [3, 1..3, 2] width [0.25, 0.5, 0.75, 1.0] per block importance bn refresh 2 epochs;"),
                row("space depth [1..3] width 0.1..0.7 step 0.2 importance l1 refresh 100;"),
                row("space depth [0, 2.5, 3..1] width [0, 1.5] importance l2 refresh 0 epochs;",
                        "1:14: error: a depth must be a whole number >= 1, found '0'",
                        "1:17: error: a depth must be a whole number >= 1, found '2.5'",
                        "1:22: error: depth range 3..1 runs backwards: write 1..3",
                        "1:35: error: a width must be above 0 and at most 1, found '0'",
                        "1:38: error: a width must be above 0 and at most 1, found '1.5'",
                        "1:54: error: unknown channel importance 'l2'; expected one of: l1, bn (did you mean 'l1'?)",
                        "1:65: error: 'refresh' in epochs must be above 0, found '0'"),
                row("space depth [1..3] width 1.0..0.25 step 0.25;",
                        "1:26: error: width range 1.0..0.25 runs backwards: write 0.25..1.0"),
                row("space depth [1..3] width 0.25..1.0 step 0.3;",
                        "1:41: error: width range 0.25..1.0 is not a whole number of steps of 0.3 (it is 2.5 steps)"),
                row("space depth [1..3] width 0..1.5 step 0;",
                        "1:26: error: a width must be above 0 and at most 1, found '0'",
                        "1:29: error: a width must be above 0 and at most 1, found '1.5'",
                        "1:38: error: 'step' must be above 0, found '0'"),
                // a space against the model
                row("model resnet20; space depth [1..3, 1..5] width [0.5];",
                        "1:36: error: model resnet20 has 3 stages, but the space gives 2 depth entries"),
                row("model resnet20; space depth [1..3, 1..3, 2, 1] width [0.5];",
                        "1:45: error: model resnet20 has 3 stages, but the space gives 4 depth entries"),
                row("model resnet32; space depth [1..3, 1..6, 5] width [0.5];",
                        "1:39: error: model resnet32 has 5 blocks per stage, but the space allows up to 6 in stage 2"),
                row("model mlp; space depth [1..3, 1..3, 1..3] width [0.5];",
                        "1:12: error: space needs a basic-block ResNet (resnet20, resnet32, resnet56, resnet110); model mlp has no stages of residual blocks"),
                row("space depth [1..3, 1..3, 1..3] width [0.5]; model resnet50;",
                        "1:51: error: space needs a basic-block ResNet (resnet20, resnet32, resnet56, resnet110); model resnet50 is built of bottleneck blocks"),
                row("space depth [1..9, 9, 1..3] width [0.5]; model resnet56; model resnet20;",
                        "1:64: error: model resnet20 has 3 blocks per stage, but the space allows up to 9 in stage 1",
                        "1:64: error: model resnet20 has 3 blocks per stage, but the space allows up to 9 in stage 2"),
                row("model resnet20; space depth [1..3] width [0.5]; model resnet20;",
                        "1:30: error: model resnet20 has 3 stages, but the space gives 1 depth entry"),
                row("model resnt20; space depth [1..3] width [0.5];",
                        "1:7: error: unknown model 'resnt20'; expected one of: mlp, lenet5, cnn, resnet20, resnet32, resnet56, resnet110, resnet50, vgg19 (did you mean 'resnet20'?)"),
                row("model mlp; load \"m\"; space depth [1..3] width [1];"),
                // budget
                row("budget flops 0.35; budget flops 35%; budget flops 1;"),
                row("budget params 0.5;",
                        "1:8: error: budget counts flops; params budgets are not supported"),
                row("budget flop 0; budget flops 120%;",
                        "1:8: error: unknown budget metric 'flop'; expected one of: flops (did you mean 'flops'?)",
                        "1:13: error: the budget must be above 0 and at most 1 (above 0% to 100%), found '0'",
                        "1:29: error: the budget must be above 0 and at most 1 (above 0% to 100%), found '120%'"),
                // stimulate
                row("space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; stimulate subnets 2 lambda 1.0 temperature 4 expansion mutate until 50%; stimulate subnets 2 expansion off; stimulate; stimulate off; stimulate expansion mutate until 3 epochs;"),
                row("stimulate subnets 2; stimulate off;",
                        "1:1: error: stimulate needs a space: add 'space depth [...] width ...;' before it"),
                row("space depth [1..3, 1..3, 1..3] width [1.0]; stimulate subnets 0 lambda 0 temperature -1 expansion mutat until 0 steps subnets 3;",
                        "1:63: error: 'subnets' must be a whole number >= 1, found '0'",
                        "1:72: error: 'lambda' must be above 0, found '0'",
                        "1:86: error: 'temperature' must be above 0, found '-1'",
                        "1:99: error: unknown expansion 'mutat'; expected one of: mutate, uniform, off (did you mean 'mutate'?)",
                        "1:111: error: 'until' in steps must be a whole number >= 1, found '0'",
                        "1:119: error: 'subnets' is given twice"),
                row("space depth [1..3, 1..3, 1..3] width [1.0]; stimulate expansion mutate until 2 epochs;",
                        "1:65: error: expansion mutate expands toward the budget: add 'budget flops ...;' before it"),
                row("space depth [1..3, 1..3, 1..3] width [1.0]; stimulate until 50%; stimulate expansion off until 150%;",
                        "1:55: error: 'until' applies only to expansion mutate",
                        "1:90: error: 'until' applies only to expansion mutate",
                        "1:96: error: 'until' must be a percent above 0% to 100%, found '150%'"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width [1.0]; schedule cubic to 0.9; stimulate subnets 2; run; stimulate off; run; stimulate; schedule none; run;",
                        "1:117: error: a run cannot both stimulate subnets and follow a sparsity schedule: add 'stimulate off;' or 'schedule none;' before it"),
                // stimulate: sampling, width order, subnets up to 6 (issue 16)
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; stimulate subnets 6 expansion mutate until 50% order fixed; stimulate expansion mutate until 2 epochs uncapped order reranked; stimulate expansion uniform min 0.5; stimulate expansion uniform min 0 uncapped order frozen after 2 epochs; stimulate expansion off order frozen after 30%;"),
                row("space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; stimulate subnets 7;",
                        "1:78: error: 'subnets' must be at most 6, found '7'"),
                row("space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; stimulate expansion mutate min 0.5; stimulate expansion uniform until 50%; stimulate expansion off uncapped; stimulate min 0.5;",
                        "1:106: error: 'min' applies only to expansion uniform",
                        "1:143: error: 'until' applies only to expansion mutate",
                        "1:178: error: 'uncapped' applies only to expansion mutate and expansion uniform",
                        "1:198: error: 'min' applies only to expansion uniform"),
                row("space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; stimulate expansion uniform min 0.5;",
                        "1:80: error: expansion uniform draws under the budget: add 'budget flops ...;' before it"),
                row("space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; stimulate order frozen; stimulate order fixed after 2 epochs; stimulate order rerank; stimulate order frozen after -1 epochs min 1.5;",
                        "1:76: error: order frozen needs 'after <point of training>'",
                        "1:106: error: 'after' applies only to order frozen",
                        "1:138: error: unknown width order 'rerank'; expected one of: fixed, reranked, frozen (did you mean 'reranked'?)",
                        "1:175: error: 'after' in epochs must be at least 0, found '-1'",
                        "1:185: error: 'min' applies only to expansion uniform",
                        "1:189: error: 'min' (a share of the budget) must be at least 0 and at most 1 (0% to 100%), found '1.5'"),
                // search: the lowest FLOPs of a candidate
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search evolutionary min 0.9 as a; search random min 90% as b; search sample min 0.5 as c; search uniform min 0.5 as d; search random min 2 as e;",
                        "1:212: error: 'min' applies only to search evolutionary, search random and search sample",
                        "1:244: error: 'min' (a share of the budget) must be at least 0 and at most 1 (0% to 100%), found '2'"),
                // model ... arch: an architecture trained from scratch
                row("data mnist; let a = arch depth [1, 2, 3] width [0.5, 0.5, 0.5]; model resnet20 width 0.5 arch a; run; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search random as b; model resnet32 arch b; stimulate off; run; report search;"),
                row("data mnist; model resnet20 arch nope; let f = select magnitude; model resnet20 arch f; let a = arch depth [1, 1, 1] width [1, 1, 1]; model vgg19 arch a; model resnet20 arch aa;",
                        "1:33: error: 'nope' is not an architecture: define one with 'let nope = arch ...;' or 'search ... as nope;'",
                        "1:85: error: 'f' is a selection, not an architecture",
                        "1:140: error: arch 'a' needs a basic-block ResNet (resnet20, resnet32, resnet56, resnet110); model vgg19 has no stages of residual blocks",
                        "1:146: error: 'arch' applies only to model resnet20, model resnet32, model resnet56 and model resnet110",
                        "1:174: error: unknown architecture 'aa'; expected one of: a (did you mean 'a'?)"),
                row("let a = arch depth [2, 5, 1] width [1, 1, 1]; model resnet20 arch a;",
                        "1:53: error: model resnet20 has 3 blocks per stage, but arch 'a' keeps 5 in stage 2"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; let a = arch depth [1, 1, 1] width [1, 1, 1]; model resnet20 arch a; stimulate; run; stimulate off; run; model resnet20; stimulate; run;",
                        "1:168: error: a model built from an arch trains without subnets: add 'stimulate off;' before the run, or give the model without 'arch'"),
                // search
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search evolutionary population 16 generations 8 mutation 0.2 crossover 0.5 batches 4 calibration 10 seed 3 as best; search random samples 128 batches 4 seed 1 as rnd; search uniform as l1; search sample seed 3 as r; search evolutionary mutation 1 crossover 0 as e;"),
                row("data mnist; model resnet20; search evolutionary as best;",
                        "1:29: error: search needs a space and a budget: add 'space depth [...] width ...;' and 'budget flops ...;' before it"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width [1.0]; search random as r;",
                        "1:73: error: search needs a budget: add 'budget flops ...;' before it"),
                row("budget flops 0.5; search random as r;",
                        "1:19: error: search needs data and a model: add 'data ...;' and 'model ...;' before it",
                        "1:19: error: search needs a space: add 'space depth [...] width ...;' before it"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search evolutinary population 4 as best;",
                        "1:114: error: unknown search strategy 'evolutinary'; expected one of: evolutionary, random, uniform, sample (did you mean 'evolutionary'?)"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search random population 4 mutation 0.1 as a; search uniform seed 2 batches 3 as b; search sample samples 2 calibration 5 as c;",
                        "1:121: error: 'population' applies only to search evolutionary",
                        "1:134: error: 'mutation' applies only to search evolutionary",
                        "1:168: error: 'seed' applies only to search evolutionary, search random and search sample",
                        "1:175: error: 'batches' applies only to search evolutionary and search random",
                        "1:205: error: 'samples' applies only to search random",
                        "1:215: error: 'calibration' applies only to search evolutionary and search random"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search evolutionary population 1 generations 0 mutation 0 crossover 1.5 batches 2.5 calibration 0 seed -1 as a;",
                        "1:138: error: 'population' must be a whole number >= 2, found '1'",
                        "1:152: error: 'generations' must be a whole number >= 1, found '0'",
                        "1:163: error: 'mutation' must be above 0 and at most 1, found '0'",
                        "1:175: error: 'crossover' must be at least 0 and at most 1, found '1.5'",
                        "1:187: error: 'batches' must be a whole number >= 1, found '2.5'",
                        "1:203: error: 'calibration' must be a whole number >= 1, found '0'",
                        "1:210: error: 'seed' must be a whole number >= 0, found '-1'"),
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search random samples 4 samples 8 as cubic;",
                        "1:131: error: 'samples' is given twice",
                        "1:144: error: cannot define 'cubic': it is already the name of a schedule"),
                // architectures
                row("data mnist; model resnet20; let a = arch depth [2, 3, 1] width [0.5, 0.75, 0.375]; let b = arch depth [2, 3, 1] width [0.5, 0.75, 0.375] inner [0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 0.5, 0.5, 0.5];"),
                row("let a = arch depth [0, 2.5] width [0, 1.5, 0.5] inner [2];",
                        "1:21: error: a depth must be a whole number >= 1, found '0'",
                        "1:24: error: a depth must be a whole number >= 1, found '2.5'",
                        "1:36: error: a width must be above 0 and at most 1, found '0'",
                        "1:39: error: a width must be above 0 and at most 1, found '1.5'",
                        "1:44: error: arch 'a' gives 2 depths but 3 widths: it needs one width per stage",
                        "1:56: error: an inner width must be above 0 and at most 1, found '2'"),
                row("model resnet20; let a = arch depth [2, 4] width [0.5, 0.5];",
                        "1:40: error: model resnet20 has 3 stages, but arch 'a' gives 2 depths"),
                row("model resnet20; let a = arch depth [2, 4, 1] width [0.5, 0.5, 0.5] inner [0.5, 0.5];",
                        "1:40: error: model resnet20 has 3 blocks per stage, but arch 'a' keeps 4 in stage 2",
                        "1:80: error: model resnet20 has 9 blocks, but arch 'a' gives 2 inner widths"),
                row("model vgg19; let a = arch depth [1] width [1];",
                        "1:22: error: arch 'a' needs a basic-block ResNet (resnet20, resnet32, resnet56, resnet110); model vgg19 has no stages of residual blocks"),
                row("let a = arch depth [2, 5, 1] width [1, 1, 1]; let b = arch depth [1] width [1]; model resnet20;",
                        "1:87: error: model resnet20 has 3 blocks per stage, but arch 'a' keeps 5 in stage 2",
                        "1:87: error: model resnet20 has 3 stages, but arch 'b' gives 1 depth"),
                row("let a = arch depth [1] width [1]; model lenet5;",
                        "1:41: error: arch 'a' needs a basic-block ResNet (resnet20, resnet32, resnet56, resnet110); model lenet5 has no stages of residual blocks"),
                row("let snip = arch depth [1] width [1];",
                        "1:5: error: cannot define 'snip': it is already the name of a score"),
                // extract and show
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; search random as best; extract best \"stp-35\"; extract best; show best; show schedule; let a = arch depth [1, 1, 1] width [1, 1, 1]; extract a; show a; report subnets; report arch;"),
                row("data mnist; model resnet20; let f = select magnitude; let agp = schedule cubic to 0.5; extract f; show agp;",
                        "1:96: error: 'f' is a selection, not an architecture",
                        "1:104: error: 'agp' is a schedule, not an architecture"),
                row("data mnist; model resnet20; extract best;",
                        "1:37: error: 'best' is not an architecture: define one with 'let best = arch ...;' or 'search ... as best;'"),
                row("data mnist; model resnet20; let best = arch depth [1, 1, 1] width [1, 1, 1]; extract bset; show bst;",
                        "1:86: error: unknown architecture 'bset'; expected one of: best (did you mean 'best'?)",
                        "1:97: error: unknown show target 'bst'; expected one of: schedule, best (did you mean 'best'?)"),
                row("let a = arch depth [1] width [1]; extract a; data mnist; report arch;",
                        "1:35: error: extract needs data and a model: add 'data ...;' and 'model ...;' before it",
                        "1:58: error: report arch needs a model: add 'model ...;' before it"),
                row("data mnist; model resnet20; let a = arch depth [1, 1, 1] width [1, 1, 1]; extract a \"a b\";",
                        "1:85: error: a run name may use only letters, digits, '.', '_' and '-', found \"a b\""),
                row("data mnist; model resnet20; let a = arch depth [1, 1, 1] width [1, 1, 1]; select a; schedule a; select a ratio 0.5 then magnitude;",
                        "1:82: error: 'a' is an architecture; expected a selection",
                        "1:94: error: 'a' is an architecture; expected a schedule",
                        "1:104: error: 'a' is an architecture; expected a score"),
                row("data mnist; model resnet20; let a = arch depth [1, 1, 1] width [1, 1, 1]; let a = select magnitude; extract a; select a;",
                        "1:109: error: 'a' is a selection, not an architecture"),
                // inside a sweep
                row("data mnist; model resnet20; space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125; budget flops 0.35; sweep s in [evolutionary, random] { search s population 4 as best; extract best; }",
                        "1:152: error: 'population' applies only to search evolutionary"));
    }

    private static Arguments row(String script, String... expected) {
        return arguments(script, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void reportsExactly(String script, List<String> expected) {
        List<String> actual = CheckerTest.diagnose(script).stream()
                .map(line -> line.substring("t.prn:".length())).toList();
        assertEquals(expected, actual);
    }
}
