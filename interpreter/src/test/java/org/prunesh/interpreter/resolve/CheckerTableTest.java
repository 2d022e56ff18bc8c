package org.prunesh.interpreter.resolve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each check, pinned: a script (after "data mnist; model mlp;" where it needs them) and the exact
 * diagnostics it gets, as {@code file:line:col: error: message}.
 */
class CheckerTableTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                // names against the vocabularies
                row("data fashion-mnst;", "1:6: error: unknown data set 'fashion-mnst'; expected one of: synthetic, "
                        + "fashion-mnist, mnist, cifar10 (did you mean 'fashion-mnist'?)"),
                row("model resnet;", "1:7: error: unknown model 'resnet'; expected one of: mlp, lenet5, cnn, resnet20, "
                        + "resnet32, resnet56, resnet110, resnet50, vgg19 (did you mean 'resnet20'?)"),
                row("train optimizer sgdd;",
                        "1:17: error: unknown optimizer 'sgdd'; expected one of: sgd, adam (did you mean 'sgd'?)"),
                row("schedule cubc to 0.5;", "1:10: error: unknown schedule 'cubc'; expected one of: cubic, linear, "
                        + "exp, constant, oneshot, points, none (did you mean 'cubic'?)"),
                row("select grad;", "1:8: error: unknown score 'grad'; expected one of: magnitude, gradient, taylor, "
                        + "random, movement, snip (did you mean 'gradient'?)"),
                row("select gradient ratio 0.5 then magnitde;", "1:32: error: unknown score 'magnitde'; expected one "
                        + "of: magnitude, gradient, taylor, random, movement, snip (did you mean 'magnitude'?)"),
                row("select gradient ratio 0.5 then taylr;", "1:32: error: unknown score 'taylr'; expected one "
                        + "of: magnitude, gradient, taylor, random, movement, snip (did you mean 'taylor'?)"),
                row("scope glob;", "1:7: error: unknown scope 'glob'; expected one of: global, layerwise, erk "
                        + "(did you mean 'global'?)"),
                row("granularity structured;", "1:13: error: unknown granularity 'structured'; expected one of: "
                        + "unstructured, nm, channel (did you mean 'unstructured'?)"),
                row("granularity channel l3;", "1:21: error: unknown channel norm 'l3'; expected one of: l1, l2 "
                        + "(did you mean 'l1'?)"),
                row("count some;", "1:7: error: unknown count 'some'; expected one of: prunable, all"),
                row("regrow grant;", "1:8: error: unknown regrowth method 'grant'; expected one of: granet, rigl, "
                        + "none (did you mean 'granet'?)"),
                row("regrow granet anneal cosin;", "1:22: error: unknown curve 'cosin'; expected one of: cosine, "
                        + "linear, constant (did you mean 'cosine'?)"),
                row("select magnitude pool anneal cosin 0.5 to 0.1 then gradient;", "1:30: error: unknown curve "
                        + "'cosin'; expected one of: cosine, linear (did you mean 'cosine'?)"),
                row("init erkk 0.5;", "1:6: error: unknown initialisation 'erkk'; expected one of: erk, uniform, "
                        + "dense (did you mean 'erk'?)"),
                row("export tensor to \"out\";", "1:8: error: unknown export 'tensor'; expected one of: tensors "
                        + "(did you mean 'tensors'?)"),
                row("exclude first, bais;", "1:16: error: unknown exclusion 'bais'; expected one of: first, last, "
                        + "bias, norm, none, or a quoted name glob (did you mean 'bias'?)"),
                row("report layer;", "1:8: error: unknown report 'layer'; expected one of: layers, flops, runs, compare, "
                        + "subnets, arch, search (did you mean 'layers'?)"),
                row("show shedule;", "1:6: error: unknown show target 'shedule'; expected one of: schedule "
                        + "(did you mean 'schedule'?)"),
                // definitions
                row("schedule agp;", "1:10: error: unknown schedule 'agp'; expected one of: cubic, linear, exp, constant, "
                        + "oneshot, points, none"),
                row("let agp = schedule cubic to 0.9; schedule ag;", "1:43: error: unknown schedule 'ag'; expected one "
                        + "of: cubic, linear, exp, constant, oneshot, points, none, agp (did you mean 'agp'?)"),
                row("let agp = schedule cubic to 0.9; select agp;",
                        "1:41: error: 'agp' is a schedule; expected a selection"),
                row("let fggp = select magnitude; schedule fggp;",
                        "1:39: error: 'fggp' is a selection; expected a schedule"),
                row("let agp = schedule cubic to 0.9; schedule agp to 0.5;",
                        "1:47: error: 'agp' is a defined schedule and takes no options"),
                row("let f = select magnitude; select f ratio 0.5 then gradient;",
                        "1:34: error: 'f' is a selection and cannot be a stage of a chain; expected a score"),
                row("let cubic = select magnitude;",
                        "1:5: error: cannot define 'cubic': it is already the name of a schedule"),
                row("let snip = select magnitude;",
                        "1:5: error: cannot define 'snip': it is already the name of a score"),
                row("let agp = schedule cubic to 0.9; schedule agp [(0, 0.5)];",
                        "1:47: error: 'agp' is a defined schedule and takes no points"),
                row("let f = select magnitude; select f mean 3;",
                        "1:36: error: 'f' is a defined selection and takes no options"),
                // options that do not apply, are missing, or repeat
                row("model cnn hidden [4];", "1:11: error: 'hidden' applies only to model mlp"),
                row("data mnist features 3;", "1:12: error: 'features' applies only to synthetic data"),
                row("data synthetic path \"x\";", "1:16: error: 'path' does not apply to synthetic data"),
                row("train optimizer adam momentum 0.9 nesterov;",
                        "1:22: error: 'momentum' applies only to optimizer sgd",
                        "1:35: error: 'nesterov' applies only to optimizer sgd"),
                row("data cifar10;", "1:6: error: cifar10 data needs 'path \"dir\"'"),
                row("train lr 0.1 lr 0.2;", "1:14: error: 'lr' is given twice"),
                // given normalisation statistics
                row("data cifar10 path \"d\" mean [0.49, 0.48, 0.45] std [0.25, 0.24, 0.26];"),
                row("data fashion-mnist mean [0.29, 0.3] std [0];",
                        "1:25: error: 'mean' needs 1 value (one per channel of fashion-mnist), found 2",
                        "1:42: error: a std must be above 0, found '0'"),
                row("data mnist mean [0.13];", "1:6: error: normalisation needs both 'mean' and 'std', or neither"),
                // the recipe: learning-rate decay, warm-up, label smoothing, augmentation
                row("train lr 0.1 decay multistep milestones [50%, 30 epochs] gamma 0.2 warmup 2 epochs "
                        + "label_smoothing 0.1 crop 4 flip;"),
                row("train decay cosine warmup 500 steps;"),
                row("train milestones [100 steps];", "1:19: error: milestones are epochs or percent of training "
                        + "(the rate changes at epoch boundaries), found '100 steps'"),
                row("train decay cosine milestones [50%];",
                        "1:20: error: 'milestones' belong to 'decay multistep', not 'decay cosine'"),
                row("train decay cosin;", "1:13: error: unknown learning-rate decay 'cosin'; expected one of: "
                        + "constant, multistep, cosine (did you mean 'cosine'?)"),
                row("train label_smoothing 1 gamma 0 crop 2.5;",
                        "1:23: error: 'label_smoothing' must be at least 0 and below 1, found '1'",
                        "1:31: error: 'gamma' must be above 0, found '0'",
                        "1:38: error: 'crop' must be a whole number >= 0, found '2.5'"),
                row("schedule cubic start 10%;", "1:10: error: schedule cubic needs 'to <sparsity>'"),
                row("schedule oneshot;", "1:10: error: schedule oneshot needs 'to <sparsity>' and 'at <step>'"),
                row("schedule oneshot to 0.9 at 5 start 1 every 5;",
                        "1:30: error: 'start' does not apply to schedule oneshot",
                        "1:38: error: 'every' does not apply to schedule oneshot"),
                row("schedule constant from 0.1 to 0.5 at 5;",
                        "1:19: error: 'from' does not apply to schedule constant",
                        "1:35: error: 'at' applies only to schedule oneshot"),
                row("schedule linear to 0.5 exponent 2;", "1:24: error: 'exponent' applies only to schedule cubic"),
                row("schedule none to 0.5;", "1:15: error: 'to' does not apply to schedule none"),
                row("schedule exp from 0.5 exponent 2;", "1:10: error: schedule exp needs 'to <sparsity>'",
                        "1:23: error: 'exponent' applies only to schedule cubic"),
                row("schedule points [(0, 0.5)] every 10 to 0.9;",
                        "1:28: error: 'every' does not apply to schedule points",
                        "1:37: error: 'to' does not apply to schedule points"),
                row("regrow none fraction 0.5;", "1:13: error: 'fraction' does not apply to regrow none"),
                row("regrow granet fraction 0.5 fraction 0.4;", "1:28: error: 'fraction' is given twice"),
                row("scope global min_density 0.1 min_density 0.2;", "1:30: error: 'min_density' is given twice"),
                // ranges
                row("schedule cubic from 1.2 to 100%;",
                        "1:21: error: sparsity 'from' must be at least 0 and below 1 (0% to below 100%), found '1.2'",
                        "1:28: error: sparsity 'to' must be at least 0 and below 1 (0% to below 100%), found '100%'"),
                row("select gradient ratio 1.2 then magnitude;",
                        "1:23: error: 'ratio' must be above 0 and at most 1 (above 0% to 100%), found '1.2'"),
                row("select gradient ratio 0 then magnitude;",
                        "1:23: error: 'ratio' must be above 0 and at most 1 (above 0% to 100%), found '0'"),
                row("select gradient ratio 100% then taylor ratio 1 then magnitude;"),
                row("select magnitude pool anneal cosine 1.5 to -0.1 then gradient;",
                        "1:37: error: an annealed pool ratio must be at least 0 and at most 1 (0% to 100%), "
                                + "found '1.5'",
                        "1:44: error: an annealed pool ratio must be at least 0 and at most 1 (0% to 100%), "
                                + "found '-0.1'"),
                row("select gradient mean 0 ratio 0.5 then gradient mean 2.5;",
                        "1:22: error: 'mean' must be a whole number >= 1, found '0'",
                        "1:53: error: 'mean' must be a whole number >= 1, found '2.5'"),
                row("select gradient ema 1; select gradient ema 0;",
                        "1:21: error: 'ema' must be above 0 and below 1, found '1'",
                        "1:44: error: 'ema' must be above 0 and below 1, found '0'"),
                row("scope global min_density 1.5 max_density -1;",
                        "1:26: error: 'min_density' must be at least 0 and at most 1 (0% to 100%), found '1.5'",
                        "1:42: error: 'max_density' must be at least 0 and at most 1 (0% to 100%), found '-1'"),
                row("scope erk min_density 60% max_density 0.5;",
                        "1:23: error: 'min_density' (60%) must not be above 'max_density' (0.5)"),
                row("regrow granet fraction 0 every 0 start 90% end 10%;",
                        "1:24: error: 'fraction' must be above 0 and at most 1 (above 0% to 100%), found '0'",
                        "1:32: error: 'every' in steps must be a whole number >= 1, found '0'",
                        "1:48: error: 'end' (10%) is before 'start' (90%)"),
                row("regrow rigl fraction 150% every 0.5 epochs start 1 epoch end 75% anneal linear;",
                        "1:22: error: 'fraction' must be above 0 and at most 1 (above 0% to 100%), found '150%'"),
                row("init erk; init dense 0.5; init uniform 1;",
                        "1:6: error: init erk needs a sparsity, such as init erk 0.5",
                        "1:22: error: init dense takes no sparsity",
                        "1:40: error: the initial sparsity must be at least 0 and below 1 (0% to below 100%), "
                                + "found '1'"),
                // schedule points
                row("schedule points;", "1:10: error: schedule points needs a list of (step, sparsity) points, "
                        + "such as [(0, 0.5), (2 epochs, 0.9)]"),
                row("schedule cubic [(0, 0.5)] to 0.9;",
                        "1:16: error: a list of points applies only to schedule points"),
                row("schedule points [(100, 0.5), (50, 0.6), (2 epochs, 0.4), (1 epoch, 1.2), (3.5, 0.3)];",
                        "1:31: error: the points must be in increasing order of step: 50 steps is not after 100 steps",
                        "1:52: error: the sparsities of the points must not decrease: 0.4 comes after 0.6",
                        "1:59: error: the points must be in increasing order of step: 1 epoch is not after 2 epochs",
                        "1:68: error: a point's sparsity must be at least 0 and below 1 (0% to below 100%), "
                                + "found '1.2'",
                        "1:75: error: a point's step in steps must be a whole number >= 0, found '3.5'",
                        "1:80: error: the sparsities of the points must not decrease: 0.3 comes after 0.6"),
                row("schedule points [(0, 0.5), (50%, 50%), (10 steps, 0.9), (1 epoch, 0.9)];"),
                // granularity
                row("granularity nm 5:4;", "1:16: error: N must be smaller than M, found 'nm 5:4'"),
                row("granularity nm 0:2.5;",
                        "1:16: error: N must be a whole number >= 1, found '0'",
                        "1:18: error: M must be a whole number >= 1, found '2.5'"),
                row("granularity nm;", "1:13: error: granularity nm needs a pattern N:M, such as nm 2:4"),
                row("granularity channel 2:4; granularity unstructured l1;",
                        "1:21: error: a pattern N:M applies only to granularity nm",
                        "1:51: error: a norm applies only to granularity channel"),
                row("granularity unstructured; granularity channel; granularity channel l1; granularity nm 1:4;"),
                row("schedule linear from 90% to 0.5;", "1:22: error: 'from' (90%) must not be above 'to' (0.5)"),
                row("schedule cubic to 0.9 start 5 epochs end 1 epoch;",
                        "1:42: error: 'end' (1 epoch) is before 'start' (5 epochs)"),
                row("schedule cubic to 0.9 start 50% end 10 steps;"),
                row("schedule cubic to 0.9 start 10.5 end 120% every 0;",
                        "1:29: error: 'start' in steps must be a whole number >= 0, found '10.5'",
                        "1:38: error: 'end' must be a percent from 0% to 100%, found '120%'",
                        "1:49: error: 'every' in steps must be a whole number >= 1, found '0'"),
                row("schedule cubic to 0.9 every 0 epochs exponent 0;",
                        "1:29: error: 'every' in epochs must be above 0, found '0'",
                        "1:47: error: 'exponent' must be above 0, found '0'"),
                row("train epochs 0 batch 2.5 lr 0 momentum 1 weight_decay -1;",
                        "1:14: error: 'epochs' must be a whole number >= 1, found '0'",
                        "1:22: error: 'batch' must be a whole number >= 1, found '2.5'",
                        "1:29: error: 'lr' must be above 0, found '0'",
                        "1:40: error: 'momentum' must be at least 0 and below 1, found '1'",
                        "1:55: error: 'weight_decay' must be at least 0, found '-1'"),
                row("train lr 1e999;", "1:10: error: number '1e999' is too large"),
                row("seed -1;", "1:6: error: 'seed' must be a whole number >= 0, found '-1'"),
                row("data synthetic samples 0 classes 1 noise -0.5;",
                        "1:24: error: 'samples' must be a whole number >= 1, found '0'",
                        "1:34: error: 'classes' must be a whole number >= 2, found '1'",
                        "1:42: error: 'noise' must be at least 0, found '-0.5'"),
                row("model mlp hidden [256, 0] width 4.5;",
                        "1:24: error: a hidden layer size must be a whole number >= 1, found '0'",
                        "1:33: error: 'width' must be above 0 and at most 4, found '4.5'"),
                // selection chains
                row("select gradient then magnitude;",
                        "1:8: error: 'gradient' needs a 'ratio' or a 'pool' before 'then'"),
                row("select gradient ema 0.9 then magnitude;",
                        "1:8: error: 'gradient' needs a 'ratio' or a 'pool' before 'then'"),
                row("select gradient ratio 0.5;",
                        "1:23: error: the last stage takes no 'ratio': add 'then <score>' after it"),
                row("select gradient ratio 0.5 then magnitude pool anneal cosine 0.5 to 0.1;",
                        "1:42: error: the last stage takes no 'pool': add 'then <score>' after it"),
                row("select magnitude mean 8 ratio 0.5 then taylor ema 0.9;",
                        "1:18: error: 'mean' applies only to score gradient",
                        "1:47: error: 'ema' applies only to score gradient"),
                row("select gradient mean 8 ratio 0.5 then magnitude; select gradient ema 0.9; select snip; "
                        + "select random; select movement; select taylor;"),
                row("select magnitude pool anneal cosine 0.5 to 0.005 then gradient; "
                        + "select gradient pool anneal linear 50% to 0 then magnitude;"),
                row("select gradient ratio 0.5 then taylor ratio 0.5 then magnitude;"),
                row("let granet = select magnitude pool anneal cosine 0.5 to 0.005 then gradient; select granet;"),
                // between statements: N:M and the final sparsity, floors and caps, regrowth and granularity
                row("schedule cubic to 0.9; granularity nm 2:4;", "1:39: error: nm 2:4 needs a final sparsity of 0.5 "
                        + "(1 - 2/4), but the schedule prunes to 0.9"),
                row("granularity nm 2:4; schedule cubic from 0 to 90%;", "1:46: error: with granularity nm 2:4 the "
                        + "final sparsity must be 0.5 (1 - 2/4), found '90%'"),
                row("granularity nm 2:4; schedule points [(0, 0.25), (50%, 0.75)];", "1:55: error: with granularity "
                        + "nm 2:4 the final sparsity must be 0.5 (1 - 2/4), found '0.75'"),
                row("let agp = schedule cubic to 0.9; granularity nm 1:3; schedule agp;",
                        "1:63: error: with granularity nm 1:3 the final sparsity must be 0.6667 (1 - 1/3), found '0.9'"),
                row("granularity nm 2:4; schedule cubic to 0.5; schedule none; granularity nm 1:3; "
                        + "schedule exp to 0.667; schedule none; granularity nm 1:8;"),
                row("schedule cubic to 0.9; scope global min_density 0.2;",
                        "1:49: error: a floor of 0.2 is above the target density 0.1 (sparsity 0.9)"),
                row("scope global min_density 20%; schedule cubic to 90%;",
                        "1:49: error: a floor of 0.2 is above the target density 0.1 (sparsity 0.9)"),
                row("let agp = schedule cubic to 0.98; scope layerwise min_density 0.05; schedule agp;",
                        "1:78: error: a floor of 0.05 is above the target density 0.02 (sparsity 0.98)"),
                row("schedule cubic to 0.5; scope global max_density 0.4;",
                        "1:49: error: a cap of 0.4 is below the target density 0.5 (sparsity 0.5)"),
                row("schedule cubic to 0.9; scope global min_density 0.1 max_density 0.1; scope global; "
                        + "schedule cubic to 0.99;"),
                row("granularity channel; regrow granet;", "1:29: error: regrow granet cannot be used with "
                        + "granularity channel: regrowth needs granularity unstructured"),
                row("regrow rigl fraction 0.3; granularity nm 2:4;", "1:39: error: granularity nm cannot be used with "
                        + "regrow rigl: regrowth needs granularity unstructured"),
                row("granularity nm 2:4; regrow none; regrow granet; granularity unstructured; regrow rigl; "
                        + "regrow none; granularity channel;",
                        "1:41: error: regrow granet cannot be used with granularity nm: regrowth needs granularity "
                                + "unstructured"),
                // exclusions
                row("exclude none, bias, bias, \"\";",
                        "1:9: error: 'none' clears all exclusions and must stand alone",
                        "1:21: error: 'bias' is listed twice",
                        "1:27: error: an exclusion glob must not be empty"),
                // order: run, evaluate and report layers need data and a model
                row("run;", "1:1: error: run needs data and a model: add 'data ...;' and 'model ...;' before it"),
                row("data mnist; run;", "1:13: error: run needs a model: add 'model ...;' before it"),
                row("model mlp; evaluate;", "1:12: error: evaluate needs data: add 'data ...;' before it"),
                row("data mnist; report layers;",
                        "1:13: error: report layers needs a model: add 'model ...;' before it"),
                row("data mnist; model mlp; run \"a b\";",
                        "1:28: error: a run name may use only letters, digits, '.', '_' and '-', found \"a b\""),
                // prune now and export
                row("prune now to 0.9 by magnitude;",
                        "1:1: error: prune now needs data and a model: add 'data ...;' and 'model ...;' before it"),
                row("model mlp; prune now to 0.9 by magnitude;",
                        "1:12: error: prune now needs data: add 'data ...;' before it"),
                row("data mnist; model mlp; prune now to 1.2 by gradient ratio 2 then magnitude scope erk "
                        + "min_density 3;",
                        "1:37: error: sparsity 'to' must be at least 0 and below 1 (0% to below 100%), found '1.2'",
                        "1:59: error: 'ratio' must be above 0 and at most 1 (above 0% to 100%), found '2'",
                        "1:98: error: 'min_density' must be at least 0 and at most 1 (0% to 100%), found '3'"),
                row("data mnist; model mlp; prune now to 0.9 by fgp;", "1:44: error: unknown score 'fgp'; expected "
                        + "one of: magnitude, gradient, taylor, random, movement, snip"),
                row("data mnist; model mlp; granularity nm 2:4; prune now to 0.9 by magnitude;",
                        "1:57: error: with granularity nm 2:4 the sparsity must be 0.5 (1 - 2/4), found '0.9'"),
                row("data mnist; model mlp; prune now to 0.9 by magnitude scope global min_density 0.2;",
                        "1:79: error: a floor of 0.2 is above the target density 0.1 (sparsity 0.9)"),
                row("data mnist; model mlp; scope global min_density 0.2; prune now to 0.9 by magnitude;",
                        "1:67: error: a floor of 0.2 is above the target density 0.1 (sparsity 0.9)"),
                row("data mnist; model mlp; scope global min_density 0.2; prune now to 0.9 by magnitude scope global;"),
                row("export tensors to \"\";", "1:19: error: the directory to export to must not be empty"),
                row("show schedule; data mnist; model mlp; run \"fggp-90\"; evaluate; report layers;"));
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
