package org.prunesh.interpreter.check;

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
                row("model resnet;", "1:7: error: unknown model 'resnet'; expected one of: mlp, lenet5, cnn"),
                row("train optimizer sgdd;",
                        "1:17: error: unknown optimizer 'sgdd'; expected one of: sgd, adam (did you mean 'sgd'?)"),
                row("schedule cubc to 0.5;", "1:10: error: unknown schedule 'cubc'; expected one of: cubic, linear, "
                        + "constant, oneshot, none (did you mean 'cubic'?)"),
                row("select grad;", "1:8: error: unknown score 'grad'; expected one of: magnitude, gradient "
                        + "(did you mean 'gradient'?)"),
                row("select gradient ratio 0.5 then magnitde;", "1:32: error: unknown score 'magnitde'; expected one "
                        + "of: magnitude, gradient (did you mean 'magnitude'?)"),
                row("scope glob;", "1:7: error: unknown scope 'glob'; expected one of: global, layerwise "
                        + "(did you mean 'global'?)"),
                row("exclude first, bais;", "1:16: error: unknown exclusion 'bais'; expected one of: first, last, "
                        + "bias, norm, none, or a quoted name glob (did you mean 'bias'?)"),
                row("report layer;", "1:8: error: unknown report 'layer'; expected one of: layers "
                        + "(did you mean 'layers'?)"),
                row("show shedule;", "1:6: error: unknown show target 'shedule'; expected one of: schedule "
                        + "(did you mean 'schedule'?)"),
                // definitions
                row("schedule agp;", "1:10: error: unknown schedule 'agp'; expected one of: cubic, linear, constant, "
                        + "oneshot, none"),
                row("let agp = schedule cubic to 0.9; schedule ag;", "1:43: error: unknown schedule 'ag'; expected one "
                        + "of: cubic, linear, constant, oneshot, none, agp (did you mean 'agp'?)"),
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
                // options that do not apply, are missing, or repeat
                row("model cnn hidden [4];", "1:11: error: 'hidden' applies only to model mlp"),
                row("data mnist features 3;", "1:12: error: 'features' applies only to synthetic data"),
                row("data synthetic path \"x\";", "1:16: error: 'path' does not apply to synthetic data"),
                row("train optimizer adam momentum 0.9 nesterov;",
                        "1:22: error: 'momentum' applies only to optimizer sgd",
                        "1:35: error: 'nesterov' applies only to optimizer sgd"),
                row("data cifar10;", "1:6: error: cifar10 data needs 'path \"dir\"'"),
                row("train lr 0.1 lr 0.2;", "1:14: error: 'lr' is given twice"),
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
                // ranges
                row("schedule cubic from 1.2 to 100%;",
                        "1:21: error: sparsity 'from' must be at least 0 and below 1 (0% to below 100%), found '1.2'",
                        "1:28: error: sparsity 'to' must be at least 0 and below 1 (0% to below 100%), found '100%'"),
                row("select gradient ratio 1.2 then magnitude;",
                        "1:23: error: 'ratio' must be at least 0 and below 1 (0% to below 100%), found '1.2'"),
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
                row("select gradient then magnitude;", "1:8: error: 'gradient' needs a 'ratio' before 'then'"),
                row("select gradient ratio 0.5;",
                        "1:23: error: the last stage takes no 'ratio': add 'then <score>' after it"),
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
                row("show schedule; data mnist; model mlp; run \"fggp-90\"; evaluate; report layers;"));
    }

    private static Arguments row(String script, String... expected) {
        return arguments(script, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void reportsExactly(String script, List<String> expected) {
        List<String> actual = CheckerTest.diagnose(script, CheckContext.EMPTY).stream()
                .map(line -> line.substring("t.prn:".length())).toList();
        assertEquals(expected, actual);
    }
}
