package org.prunesh.interpreter.syntax;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunesh.interpreter.diag.Diagnostic;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One syntax error per script, pinned to its exact position and wording. */
class SyntaxErrorTableTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("train epochs 10 lr fast;",
                        "t.prn:1:20: error: expected a number after 'lr', found 'fast'"),
                arguments("train epochs 10 epoch 5;",
                        "t.prn:1:17: error: expected one of: epochs, batch, optimizer, lr, momentum, nesterov, "
                                + "weight_decay, decay, milestones, gamma, warmup, label_smoothing, crop, flip, or ';', found 'epoch' (did you mean 'epochs'?)"),
                arguments("train epochs 10\nmodel mlp;",
                        "t.prn:2:1: error: expected ';' to end the train statement, found 'model'"),
                arguments("train epochs 10",
                        "t.prn:1:16: error: expected ';' to end the train statement, found end of input"),
                arguments("train epochs ;",
                        "t.prn:1:14: error: expected a number after 'epochs', found ';'"),
                arguments("epochs 10;",
                        "t.prn:1:1: error: expected a statement (seed, data, model, train, schedule, select, scope, "
                                + "granularity, count, exclude, regrow, init, let, use, run, prune, evaluate, export, report, sweep, save, load, import, show, space, budget, stimulate, search, extract), found 'epochs'"),
                arguments("modle mlp;",
                        "t.prn:1:1: error: expected a statement (seed, data, model, train, schedule, select, scope, "
                                + "granularity, count, exclude, regrow, init, let, use, run, prune, evaluate, export, report, sweep, save, load, import, show, space, budget, stimulate, search, extract), found 'modle' (did you mean 'model'?)"),
                arguments("seed 18 19;",
                        "t.prn:1:9: error: expected ';' to end the seed statement, found '19'"),
                arguments("exclude first bias;",
                        "t.prn:1:15: error: expected ',' or ';' after 'first', found 'bias'"),
                arguments("let a = cubic to 0.9;",
                        "t.prn:1:9: error: expected one of: schedule, select, arch, or '{', found 'cubic'"),
                arguments("let = select magnitude;",
                        "t.prn:1:5: error: expected a name to define after 'let', found '='"),
                arguments("let a = select gradient ratio 0.5 then\nlet b = select magnitude;",
                        "t.prn:2:1: error: expected a score name after 'then', found 'let'"),
                arguments("run foo;",
                        "t.prn:1:5: error: expected a quoted string or ';' after 'run', found 'foo'"),
                arguments("data mnist path \"abc;",
                        "t.prn:1:17: error: string \"abc; is not closed: add '\"' before the end of the line"),
                arguments("data mnist @;",
                        "t.prn:1:12: error: unexpected character '@'"),
                arguments("data ;",
                        "t.prn:1:6: error: expected a data set name after 'data', found ';'"),
                arguments("data mnist limit 5 limit;",
                        "t.prn:1:25: error: expected a number after 'limit', found ';'"),
                arguments("data mnist path dir;",
                        "t.prn:1:17: error: expected a quoted string after 'path', found 'dir'"),
                arguments("model mlp hidden 256;",
                        "t.prn:1:18: error: expected a list of whole numbers such as [256, 128] after 'hidden', "
                                + "found '256'"),
                arguments("model mlp hidden [256 128];",
                        "t.prn:1:23: error: expected ',' or ']' after '256', found '128'"),
                arguments("train lr 10%;",
                        "t.prn:1:10: error: expected a number after 'lr', found '10%'"),
                arguments("schedule cubic to 0.9 start;",
                        "t.prn:1:28: error: expected a number of steps or epochs, or a percent after 'start', "
                                + "found ';'"),
                arguments("schedule cubic to 0.9 start 10 days;",
                        "t.prn:1:32: error: expected one of: from, to, start, end, at, every, exponent, or ';', "
                                + "found 'days'"),
                arguments("let agp = schedule cubic to 0.9\nrun;",
                        "t.prn:2:1: error: expected ';' to end the let statement, found 'run'"),
                arguments("select gradient ratio 50% magnitude;",
                        "t.prn:1:27: error: expected 'then' or ';' after '50%', found 'magnitude'"),
                arguments("select ;",
                        "t.prn:1:8: error: expected a score name after 'select', found ';'"),
                arguments("show ;",
                        "t.prn:1:6: error: expected what to show after 'show', found ';'"),
                arguments("report run;",
                        "t.prn:1:8: error: expected what to report after 'report', found 'run'"),
                arguments("evaluate report layers;",
                        "t.prn:1:10: error: expected ';' to end the evaluate statement, found 'report'"),
                // the pruning library's statements
                arguments("schedule cubic to 0.9 every 10%;",
                        "t.prn:1:29: error: expected a number of steps or epochs after 'every', found '10%'"),
                arguments("regrow granet fraction 0.5 every 5%;",
                        "t.prn:1:34: error: expected a number of steps or epochs after 'every', found '5%'"),
                arguments("schedule points [0, 0.5];",
                        "t.prn:1:18: error: expected a point such as (100 steps, 0.5) after '[', found '0'"),
                arguments("schedule points [(0 0.5)];",
                        "t.prn:1:21: error: expected one of: epochs, steps, step, epoch, or ',', found '0.5'"),
                arguments("schedule points [(0, 0.5) (1 epoch, 0.9)];",
                        "t.prn:1:27: error: expected ',' or ']' after ')', found '('"),
                arguments("select gradient ratio 0.5 mean 8 then magnitude;",
                        "t.prn:1:27: error: expected 'then' or ';' after '0.5', found 'mean'"),
                arguments("select magnitude pool cosine 0.5 to 0.1 then gradient;",
                        "t.prn:1:23: error: expected 'anneal' after 'pool', found 'cosine'"),
                arguments("select magnitude pool anneal cosine 0.5 0.1 then gradient;",
                        "t.prn:1:41: error: expected 'to' after '0.5', found '0.1'"),
                arguments("select gradient mean then magnitude;",
                        "t.prn:1:22: error: expected a number after 'mean', found 'then'"),
                arguments("scope global min_density;",
                        "t.prn:1:25: error: expected a number or percent after 'min_density', found ';'"),
                arguments("scope global floor 0.1;",
                        "t.prn:1:14: error: expected one of: min_density, max_density, or ';', found 'floor'"),
                arguments("granularity;",
                        "t.prn:1:12: error: expected a granularity after 'granularity', found ';'"),
                arguments("granularity nm 2 4;",
                        "t.prn:1:18: error: expected ':' after '2', found '4'"),
                arguments("granularity nm 2:4 l1;",
                        "t.prn:1:20: error: expected ';' to end the granularity statement, found 'l1'"),
                arguments("count;",
                        "t.prn:1:6: error: expected what to count after 'count', found ';'"),
                arguments("regrow;",
                        "t.prn:1:7: error: expected a regrowth method after 'regrow', found ';'"),
                arguments("regrow granet anneal 0.5;",
                        "t.prn:1:22: error: expected a curve after 'anneal', found '0.5'"),
                arguments("regrow granet every 100 steps rate 0.5;",
                        "t.prn:1:31: error: expected one of: start, end, every, anneal, fraction, or ';', "
                                + "found 'rate'"),
                arguments("init erk 0.5 0.6;",
                        "t.prn:1:14: error: expected ';' to end the init statement, found '0.6'"),
                arguments("prune now 0.9 by magnitude;",
                        "t.prn:1:11: error: expected 'to' after 'now', found '0.9'"),
                arguments("prune to 0.9 by magnitude;",
                        "t.prn:1:7: error: expected 'now' after 'prune', found 'to'"),
                arguments("prune now to 0.9 magnitude;",
                        "t.prn:1:18: error: expected 'by' after '0.9', found 'magnitude'"),
                arguments("prune now to 0.9 by magnitude layerwise;",
                        "t.prn:1:31: error: expected 'scope' or ';' after 'magnitude', found 'layerwise'"),
                arguments("export tensors \"out\";",
                        "t.prn:1:16: error: expected 'to' after 'tensors', found \"out\""),
                arguments("export tensors to out;",
                        "t.prn:1:19: error: expected a quoted string after 'to', found 'out'"),
                arguments("export to \"out\";",
                        "t.prn:1:8: error: expected what to export after 'export', found 'to'"),
                // the STP statements
                arguments("space width [1];",
                        "t.prn:1:7: error: expected 'depth' after 'space', found 'width'"),
                arguments("space depth 3 width [1];",
                        "t.prn:1:13: error: expected a list of depths such as [1..3, 2] after 'depth', found '3'"),
                arguments("space depth [] width [1];",
                        "t.prn:1:14: error: expected a depth such as 2 or 1..3 after '[', found ']'"),
                arguments("space depth [1..] width [1];",
                        "t.prn:1:17: error: expected a number after '..', found ']'"),
                arguments("space depth [1..3] width;",
                        "t.prn:1:25: error: expected widths: a range such as 0.25..1.0 step 0.125, or a list such as "
                                + "[0.5, 1.0] after 'width', found ';'"),
                arguments("space depth [1..3] width 0.25..1.0;",
                        "t.prn:1:35: error: expected 'step' after '1.0', found ';'"),
                arguments("space depth [1..3] width [1] per blocks;",
                        "t.prn:1:34: error: expected 'block' after 'per', found 'blocks' (did you mean 'block'?)"),
                arguments("space depth [1..3] width [1] importance;",
                        "t.prn:1:40: error: expected a channel importance after 'importance', found ';'"),
                arguments("space depth [1..3] width [1] refresh 2 epochs importance l1;",
                        "t.prn:1:47: error: expected ';' to end the space statement, found 'importance'"),
                arguments("budget 0.35;",
                        "t.prn:1:8: error: expected a budget metric (flops) after 'budget', found '0.35'"),
                arguments("budget flops;",
                        "t.prn:1:13: error: expected a number or percent after 'flops', found ';'"),
                arguments("stimulate off subnets 2;",
                        "t.prn:1:15: error: expected ';' to end the stimulate statement, found 'subnets'"),
                arguments("stimulate subnet 2;",
                        "t.prn:1:11: error: expected one of: subnets, lambda, temperature, expansion, until, off, min, uncapped, order, after, or "
                                + "';', found 'subnet' (did you mean 'subnets'?)"),
                arguments("stimulate expansion 3;",
                        "t.prn:1:21: error: expected an expansion after 'expansion', found '3'"),
                arguments("search evolutionary population 16;",
                        "t.prn:1:34: error: expected one of: seed, samples, population, generations, mutation, "
                                + "crossover, batches, calibration, min, or as, found ';'"),
                arguments("search as best;",
                        "t.prn:1:8: error: expected a search strategy after 'search', found 'as'"),
                arguments("search random samples 2 as \"best\";",
                        "t.prn:1:28: error: expected an architecture name after 'as', found \"best\""),
                arguments("let a = arch depth [1..3] width [1];",
                        "t.prn:1:22: error: expected ',' or ']' after '1', found '..'"),
                arguments("let a = arch depth [1] width [1] inner;",
                        "t.prn:1:39: error: expected a list of numbers such as [0.5, 0.75] after 'inner', found ';'"),
                arguments("extract;",
                        "t.prn:1:8: error: expected an architecture name after 'extract', found ';'"),
                arguments("extract best stp;",
                        "t.prn:1:14: error: expected a quoted string or ';' after 'best', found 'stp'"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void reportsTheErrorWhereItIs(String script, String expected) {
        ParseResult result = new ScriptParser().parse(script, "t.prn");
        assertEquals(List.of(expected), result.diagnostics().stream().map(SyntaxErrorTableTest::line).toList());
    }

    static String line(Diagnostic d) {
        return d.span().source() + ":" + d.span().line() + ":" + d.span().column() + ": error: " + d.message();
    }
}
