package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The factory a script's score names go through: names, variants, validation messages. */
class ScoresTest {

    @Test
    void everyCriterionHasAName() {
        assertEquals(List.of("magnitude", "gradient", "taylor", "random", "movement", "snip"), Scores.names());
        for (String name : Scores.names()) {
            Score s = Scores.create(ScoreSpec.of(name), 18);
            assertEquals(name, s.name());
            assertEquals(name, s.describe());
            assertEquals(name, Scores.byName(name).orElseThrow().name());
        }
    }

    @Test
    void plainCriteriaAndWhatTheyNeed() {
        assertInstanceOf(MagnitudeScore.class, Scores.create(ScoreSpec.of("magnitude"), 0));
        assertInstanceOf(GradientScore.class, Scores.create(ScoreSpec.of("gradient"), 0));
        assertInstanceOf(TaylorScore.class, Scores.create(ScoreSpec.of("taylor"), 0));
        assertInstanceOf(MovementScore.class, Scores.create(ScoreSpec.of("movement"), 0));
        assertInstanceOf(SnipScore.class, Scores.create(ScoreSpec.of("snip"), 0));
        RandomScore random = assertInstanceOf(RandomScore.class, Scores.create(ScoreSpec.of("random"), 42));
        assertEquals(42, random.seed());
        assertEquals(0, ((RandomScore) Scores.byName("random").orElseThrow()).seed());

        List<String> gradientless = List.of("magnitude", "random");
        List<String> everyStep = List.of("movement");
        for (String name : Scores.names()) {
            Score s = Scores.create(ScoreSpec.of(name), 0);
            assertEquals(!gradientless.contains(name), s.needsGradient(), name);
            assertEquals(everyStep.contains(name), s.observesEveryStep(), name);
        }
    }

    @Test
    void gradientVariants() {
        ScoreSpec mean = new ScoreSpec("gradient", new ScoreSpec.Mean(8));
        assertEquals("gradient mean 8", mean.describe());
        GradientScore m = assertInstanceOf(GradientScore.class, Scores.create(mean, 0));
        assertEquals(new ScoreSpec.Mean(8), m.variant());
        assertEquals("gradient mean 8", m.describe());
        assertTrue(m.observesEveryStep());

        ScoreSpec ema = new ScoreSpec("gradient", new ScoreSpec.Ema(0.9));
        assertEquals("gradient ema 0.9", ema.describe());
        GradientScore e = assertInstanceOf(GradientScore.class, Scores.create(ema, 0));
        assertEquals(new ScoreSpec.Ema(0.9), e.variant());
        assertTrue(e.observesEveryStep());
        assertFalse(new GradientScore().observesEveryStep());
        assertEquals("gradient ema 0.9", e.describe());
        assertEquals("gradient", e.name());
    }

    @Test
    void eachCallMakesAFreshScore() {
        ScoreSpec movement = ScoreSpec.of("movement");
        assertNotSame(Scores.create(movement, 0), Scores.create(movement, 0));
        assertNotSame(Scores.byName("movement").orElseThrow(), Scores.byName("movement").orElseThrow());
    }

    @Test
    void validationMessages() {
        assertEquals(Optional.empty(), Scores.validate(ScoreSpec.of("taylor")));
        assertEquals(Optional.empty(), Scores.validate(new ScoreSpec("gradient", new ScoreSpec.Mean(1))));
        assertEquals(Optional.empty(), Scores.validate(new ScoreSpec("gradient", new ScoreSpec.Ema(0.999))));
        assertInvalid(ScoreSpec.of("taylorr"),
                "unknown score 'taylorr'; expected one of magnitude, gradient, taylor, random, movement, snip");
        assertInvalid(new ScoreSpec("taylor", new ScoreSpec.Mean(8)),
                "score 'taylor' takes no variant, got 'mean 8'; only gradient has variants: 'gradient mean K' "
                        + "and 'gradient ema B'");
        assertInvalid(new ScoreSpec("gradient", new ScoreSpec.Mean(0)),
                "gradient mean K needs a whole number K >= 1 of mini-batches, got 0");
        assertInvalid(new ScoreSpec("gradient", new ScoreSpec.Ema(1)),
                "gradient ema B needs a decay B in (0, 1), got 1");
        assertInvalid(new ScoreSpec("gradient", new ScoreSpec.Ema(0)),
                "gradient ema B needs a decay B in (0, 1), got 0");
        assertInvalid(new ScoreSpec("gradient", new ScoreSpec.Ema(-0.5)),
                "gradient ema B needs a decay B in (0, 1), got -0.5");
    }

    @Test
    void byNameKnowsOnlyPlainNames() {
        assertEquals(Optional.empty(), Scores.byName("taylorr"));
        assertEquals(Optional.empty(), Scores.byName("gradient mean 8"));
        assertFalse(Scores.byName("magnitude").orElseThrow().needsGradient());
    }

    private static void assertInvalid(ScoreSpec spec, String message) {
        assertEquals(Optional.of(message), Scores.validate(spec));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scores.create(spec, 0));
        assertEquals(message, e.getMessage());
    }
}
