package org.prunesh.interpreter.check;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Option;
import org.prunesh.interpreter.ast.Options;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules every option list follows: each key at most once, only where it applies, required ones present. */
final class OptionRules {

    private final Problems problems;

    OptionRules(Problems problems) {
        this.problems = problems;
    }

    void noRepeats(Options options) {
        Set<String> seen = new HashSet<>();
        for (Option option : options.all()) {
            if (!seen.add(option.keyText())) {
                problems.error(option.key().span(), "'" + option.keyText() + "' is given twice");
            }
        }
    }

    /** Reports each option that {@code member} of {@code family} does not take. */
    void applicable(Options options, Vocabulary.Applicability family, String member) {
        for (Option option : options.all()) {
            String key = option.keyText();
            if (!family.governs(key) || family.accepts(member, key)) {
                continue;
            }
            List<String> takers = family.takers(key);
            String message = takers.size() == 1
                    ? "'" + key + "' applies only to " + family.words().phrase(takers.get(0))
                    : "'" + key + "' does not apply to " + family.words().phrase(member);
            problems.error(option.key().span(), message);
        }
    }

    /** Reports the options that {@code member} needs and {@code options} lacks, at the member's name. */
    void required(Options options, Vocabulary.Applicability family, Name member) {
        List<String> missing = family.required(member.text()).stream()
                .filter(key -> !options.has(key))
                .map(key -> "'" + Vocabulary.OPTION_FORMS.getOrDefault(key, key) + "'")
                .toList();
        if (!missing.isEmpty()) {
            problems.error(member.span(),
                    family.words().phrase(member.text()) + " needs " + String.join(" and ", missing));
        }
    }
}
