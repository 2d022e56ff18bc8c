package org.prunesh.interpreter.ast;

import org.antlr.v4.runtime.atn.ATN;
import org.junit.jupiter.api.Test;
import org.prunesh.grammar.PruneParser;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OptionKeyTest {

    /** The keywords that can start an alternative of any of the grammar's {@code ...Option} rules. */
    private static Set<String> grammarOptionKeywords() {
        ATN atn = new PruneParser(null).getATN();
        Set<String> keywords = new TreeSet<>();
        String[] rules = PruneParser.ruleNames;
        for (int rule = 0; rule < rules.length; rule++) {
            if (!rules[rule].endsWith("Option")) continue;
            for (int token : atn.nextTokens(atn.ruleToStartState[rule]).toArray()) {
                String literal = PruneParser.VOCABULARY.getLiteralName(token);
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        return keywords;
    }

    @Test
    void theConstantsAreExactlyTheGrammarsOptionKeywords() {
        Set<String> constants = Arrays.stream(OptionKey.values()).map(OptionKey::text)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(grammarOptionKeywords(), constants);
        assertEquals(55, constants.size());
    }

    @Test
    void aKeyIsFoundByItsTextAndWrittenWithItsValueInMessages() {
        assertEquals(Optional.of(OptionKey.WEIGHT_DECAY), OptionKey.of("weight_decay"));
        assertEquals(Optional.empty(), OptionKey.of("WEIGHT_DECAY"));
        assertEquals("to <sparsity>", OptionKey.TO.form());
        assertEquals("path \"dir\"", OptionKey.PATH.form());
        assertEquals("epochs", OptionKey.EPOCHS.form());
    }
}
