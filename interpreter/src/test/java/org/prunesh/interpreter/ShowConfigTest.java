package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.syntax.Formatter;
import org.prunesh.ops.train.TrainingProgress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code show config;}: the settings in force as statements, which set up the same configuration again. */
class ShowConfigTest {

    @TempDir
    Path dir;

    private List<String> evaluate(String source) {
        List<String> out = new ArrayList<>();
        Session session = new Session(new SessionConfig(dir, dir, false), new SessionListener() {
            public void output(String text) {
                out.add(text);
            }

            public void progress(TrainingProgress progress) {
            }
        });
        Evaluation e = session.evaluate(source, "t.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        return out;
    }

    @Test
    void showConfigPrintsTheSettingsAsStatements() {
        List<String> out = evaluate("""
                seed 5;
                data synthetic samples 100 test_samples 20 features 8 classes 2 noise 0.5 seed 3 holdout 10;
                model mlp hidden [8, 4];
                train epochs 2 lr 0.05 nesterov decay multistep milestones [50%] gamma 0.2;
                schedule cubic to 0.5 end 50% every 2 steps;
                select gradient ratio 0.5 then magnitude;
                scope layerwise min_density 0.05;
                granularity nm 2:4;
                exclude first, "fc3*";
                let agp = schedule linear from 0.1 to 0.5;
                show config;
                """);
        assertEquals(List.of("""
                seed 5;
                data synthetic samples 100 test_samples 20 features 8 classes 2 noise 0.5 seed 3 holdout 10;
                model mlp hidden [8, 4] width 1;
                train epochs 2 batch 128 optimizer sgd lr 0.05 momentum 0.9 nesterov weight_decay 0 label_smoothing 0 decay multistep milestones [50%] gamma 0.2;
                schedule cubic from 0 to 0.5 start 0 steps end 50% every 2 steps exponent 3;
                select gradient ratio 0.5 then magnitude;
                scope layerwise min_density 0.05 max_density 1;
                granularity nm 2:4;
                count prunable;
                exclude first, bias, norm, "fc3*";
                regrow none;
                init dense;
                let agp = schedule linear from 0.1 to 0.5 start 0 steps end 75% every 100 steps;
                """), out);
        assertEquals(out.get(0), Formatter.format(out.get(0)));
        // the statements set up the same configuration in a fresh session
        assertEquals(out, evaluate(out.get(0) + "show config;\n"));
    }

    @Test
    void showConfigWritesTheStpSettingsBack() {
        List<String> out = evaluate("""
                model resnet20 width 0.25;
                space depth [1..3, 1..3, 2] width 0.25..1.0 step 0.25 importance bn refresh 2 epochs;
                budget flops 35%;
                stimulate subnets 3 lambda 0.5 expansion mutate until 50% order frozen after 3 epochs;
                show config;
                """);
        List<String> stp = out.get(0).lines().filter(l -> l.startsWith("space") || l.startsWith("budget")
                || l.startsWith("stimulate")).toList();
        assertEquals(List.of(
                "space depth [1..3, 1..3, 2..2] width [0.25, 0.5, 0.75, 1] importance bn refresh 2 epochs;",
                "budget flops 0.35;",
                "stimulate subnets 3 lambda 0.5 temperature 1 expansion mutate until 50% order frozen after 3 epochs;"),
                stp);
        assertEquals(out, evaluate(out.get(0) + "show config;\n"));
    }

    @Test
    void showConfigWritesAModelBuiltFromAnArchWithTheArch() {
        List<String> out = evaluate("""
                model resnet20 width 0.25;
                space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.25;
                let a = arch depth [1, 2, 3] width [0.5, 0.75, 1];
                let z = arch depth [3, 3, 3] width [1, 1, 1];
                model resnet20 width 0.25 arch a;
                let a = schedule cubic to 0.5;
                show config;
                """);
        List<String> lines = out.get(0).lines().toList();
        // 'a' now names a schedule, so the arch the model was built from is written under a name of its own
        assertEquals(List.of(
                "let z = arch depth [3, 3, 3] width [1, 1, 1];",
                "let model_arch = arch depth [1, 2, 3] width [0.5, 0.75, 1];",
                "model resnet20 width 0.25 arch model_arch;"), lines.subList(lines.size() - 3, lines.size()));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("model ")).count());
        assertEquals(out, evaluate(out.get(0) + "show config;\n"));
    }
}
