package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.ops.train.TrainingProgress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code let NAME = { ... };} and {@code use NAME;}: statements named once, carried out where used. */
class BlocksTest {

    @TempDir
    Path dir;

    private final List<String> out = new ArrayList<>();

    private Session session() {
        return new Session(new SessionConfig(dir, dir, false), new SessionListener() {
            public void output(String text) {
                out.add(text);
            }

            public void progress(TrainingProgress progress) {
            }
        });
    }

    @Test
    void aBlockSetsWhatItsStatementsSetAndMayUseWhatAnEarlierBlockDefined() {
        Evaluation e = session().evaluate("""
                let d90 = { init dense; schedule cubic from 0 to 0.9 end 50% every 2 steps;
                            let sparse_start = { init erk 0.9; }; };
                let rigl = { select magnitude; schedule none; regrow rigl fraction 0.3 every 2 steps end 75%;
                             use sparse_start; };
                use d90;
                use rigl;
                show config;
                """, "t.prn");
        assertEquals(Outcome.OK, e.outcome(), e.rendered());
        // rigl, used after d90, replaced its schedule and init; d90's dense init came first
        assertEquals("""
                seed 1;
                train epochs 10 batch 128 optimizer sgd lr 0.1 momentum 0.9 weight_decay 0 label_smoothing 0 decay constant;
                schedule none;
                select magnitude;
                scope global;
                granularity unstructured;
                count prunable;
                exclude bias, norm;
                regrow rigl fraction 0.3 start 0 steps end 75% every 2 steps anneal cosine;
                init erk 0.9;
                """, out.get(0));
    }

    @Test
    void problemsPointIntoTheBlockOrAtTheUse() {
        Evaluation e = session().check("""
                let m = { select magnitud; };
                use m;
                let agp = schedule linear to 0.5;
                use agp;
                use nothing;
                let a = { use b; };
                let b = { use a; };
                use a;
                let s = { sweep x in [m] { run; } };
                """, "t.prn");
        assertEquals(Outcome.SCRIPT_ERROR, e.outcome());
        assertEquals(List.of(
                "t.prn:1:18: unknown score 'magnitud'; expected one of: magnitude, gradient, taylor, random, movement, "
                        + "snip (did you mean 'magnitude'?)",
                "t.prn:4:5: 'agp' is a schedule, not a block; use takes a name defined with 'let agp = { ... };', "
                        + "one of: m",
                "t.prn:5:5: unknown block 'nothing'; use takes a name defined with 'let nothing = { ... };', one of: m",
                "t.prn:7:15: block 'a' uses itself: a -> b -> a",
                "t.prn:9:11: a block holds settings and actions, not a sweep: use the block inside the sweep instead"),
                e.diagnostics().stream().map(d -> d.span().source() + ":" + d.span().line() + ":" + d.span().column()
                        + ": " + d.message()).toList());
    }
}
