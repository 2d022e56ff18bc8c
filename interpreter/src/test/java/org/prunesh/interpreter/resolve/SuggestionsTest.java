package org.prunesh.interpreter.resolve;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    private static final List<String> SCORES = List.of("magnitude", "gradient");

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("sgd", "sgd"));
        assertEquals(1, Suggestions.distance("sgdd", "sgd"));
        assertEquals(1, Suggestions.distance("lenet", "lenet5"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void suggestsANearWordOrAWordThePrefixStarts() {
        assertEquals(Optional.of("magnitude"), Suggestions.nearest("magnitde", SCORES));
        assertEquals(Optional.of("gradient"), Suggestions.nearest("grad", SCORES));
        assertEquals(Optional.empty(), Suggestions.nearest("taylor", SCORES));
        assertEquals(Optional.empty(), Suggestions.nearest("x", List.of("mlp", "cnn")));
        assertEquals(Optional.of("cnn"), Suggestions.nearest("cn", List.of("mlp", "lenet5", "cnn")));
        assertEquals(Optional.of("bias"), Suggestions.nearest("bais", List.of("first", "bias")));
    }

    @Test
    void aShortWordGetsOnlyAOneLetterCorrection() {
        assertEquals(Optional.empty(), Suggestions.nearest("agp", List.of("cubic", "exp", "none")));
        assertEquals(Optional.of("l1"), Suggestions.nearest("l3", List.of("l1", "l2")));
        assertEquals(Optional.of("erk"), Suggestions.nearest("erl", List.of("global", "layerwise", "erk")));
    }
}
