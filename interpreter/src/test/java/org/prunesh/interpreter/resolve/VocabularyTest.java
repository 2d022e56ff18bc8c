package org.prunesh.interpreter.resolve;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.prune.Granularity;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words the language takes from ops' enums and spec kinds, as scripts and messages spell them. */
class VocabularyTest {

    @Test
    void wordsComeFromOpsInItsOrder() {
        assertEquals(List.of("sgd", "adam"), Vocabulary.OPTIMIZERS.names());
        assertEquals(List.of("constant", "multistep", "cosine"), Vocabulary.DECAYS.names());
        assertEquals(List.of("cubic", "linear", "exp", "constant", "oneshot", "points", "none"),
                Vocabulary.SCHEDULE_KINDS.names());
        assertEquals(List.of("global", "layerwise", "erk"), Vocabulary.SCOPES.names());
        assertEquals(List.of("l1", "l2"), Vocabulary.NORMS.names());
        assertEquals(List.of("granet", "rigl", "none"), Vocabulary.REGROW_METHODS.names());
        assertEquals(List.of("cosine", "linear"), Vocabulary.POOL_CURVES.names());
        assertEquals(List.of("cosine", "linear", "constant"), Vocabulary.REGROW_CURVES.names());
        assertEquals(List.of("erk", "uniform", "dense"), Vocabulary.INITS.names());
        assertEquals(List.of("l1", "bn"), Vocabulary.IMPORTANCES.names());
    }

    @Test
    void granularityKindsAreHowEachDescribesItself() {
        assertEquals(List.of("unstructured", "nm", "channel"), Vocabulary.GRANULARITIES.names());
        assertEquals(Granularity.KINDS, List.of(Granularity.UNSTRUCTURED.describe(),
                new Granularity.NM(2, 4).describe().split(" ")[0],
                new Granularity.Channel(Granularity.Norm.L1).describe().split(" ")[0]));
    }
}
