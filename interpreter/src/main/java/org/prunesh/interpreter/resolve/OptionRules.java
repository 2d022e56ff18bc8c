package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Option;
import org.prunesh.interpreter.ast.OptionKey;
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
        Set<OptionKey> seen = new HashSet<>();
        for (Option option : options.all()) {
            if (!seen.add(option.key())) {
                problems.error(option.keySpan(), "'" + option.key().text() + "' is given twice");
            }
        }
    }

    /** Reports each option that {@code member} of {@code family} does not take. */
    void applicable(Options options, Vocabulary.Applicability family, String member) {
        applicable(options, family, member, false);
    }

    /**
     * Reports each option that {@code member} does not take; with {@code nameTakers} the message
     * always lists the members that do ("applies only to search evolutionary and search random"),
     * otherwise only when there is one.
     */
    void applicable(Options options, Vocabulary.Applicability family, String member, boolean nameTakers) {
        for (Option option : options.all()) {
            OptionKey key = option.key();
            if (!family.governs(key) || family.accepts(member, key)) {
                continue;
            }
            List<String> takers = family.takers(key).stream().map(family.words()::phrase).toList();
            String message = takers.size() == 1 || nameTakers
                    ? "'" + key.text() + "' applies only to " + listed(takers)
                    : "'" + key.text() + "' does not apply to " + family.words().phrase(member);
            problems.error(option.keySpan(), message);
        }
    }

    /** "a", "a and b", "a, b and c". */
    static String listed(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Reports the options that {@code member} needs and {@code options} lacks, at the member's name. */
    void required(Options options, Vocabulary.Applicability family, Name member) {
        List<String> missing = family.required(member.text()).stream()
                .filter(key -> !options.has(key))
                .map(key -> "'" + key.form() + "'")
                .toList();
        if (!missing.isEmpty()) {
            problems.error(member.span(),
                    family.words().phrase(member.text()) + " needs " + String.join(" and ", missing));
        }
    }
}
