package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Name;

import java.util.ArrayList;
import java.util.List;

/** Resolving names against a vocabulary (and the session's definitions), with "did you mean". */
final class NameRules {

    private final Problems problems;

    NameRules(Problems problems) {
        this.problems = problems;
    }

    /** True when {@code name} is one of {@code words}; otherwise reports it as unknown. */
    boolean known(Name name, Vocabulary.Words words) {
        return known(name, words, List.of(), "");
    }

    /**
     * True when {@code name} is one of {@code words} or of {@code defined}; otherwise reports it,
     * listing both, followed by {@code alsoAccepted} (", or a quoted name glob").
     */
    boolean known(Name name, Vocabulary.Words words, List<String> defined, String alsoAccepted) {
        if (words.contains(name.text()) || defined.contains(name.text())) {
            return true;
        }
        List<String> candidates = new ArrayList<>(words.names());
        candidates.addAll(defined);
        String suggestion = Suggestions.nearest(name.text(), candidates)
                .map(s -> " (did you mean '" + s + "'?)").orElse("");
        problems.error(name.span(), "unknown " + words.kind() + " '" + name.text() + "'; expected one of: "
                + String.join(", ", candidates) + alsoAccepted + suggestion);
        return false;
    }

    /** A name a definition may take: not one the language already gives to a schedule kind or a score. */
    void definable(Name name) {
        for (Vocabulary.Words taken : List.of(Vocabulary.SCHEDULE_KINDS, Vocabulary.SCORES)) {
            if (taken.contains(name.text())) {
                problems.error(name.span(),
                        "cannot define '" + name.text() + "': it is already the name of a " + taken.kind());
            }
        }
    }
}
