package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.Stmt;

import java.util.Optional;

/** Checks of what changes the sparse training itself: regrowth and sparse initialisation. */
final class TrainingChecks extends CheckRules {

    TrainingChecks(Problems problems) {
        super(problems);
    }

    /** Checks a regrow statement; returns the method when regrowth is on and the method known, else null. */
    String regrow(Stmt.Regrow regrow) {
        Name method = regrow.method();
        Options given = regrow.options();
        options.noRepeats(given);
        boolean known = names.known(method, Vocabulary.REGROW_METHODS);
        if (known) {
            options.applicable(given, Vocabulary.REGROW_OPTIONS, method.text());
        }
        given.number(OptionKey.FRACTION).ifPresent(n -> numbers.share(n, "'fraction'"));
        given.quantity(OptionKey.EVERY).ifPresent(q -> numbers.quantity(q, "'every'", true));
        given.quantity(OptionKey.START).ifPresent(q -> numbers.quantity(q, "'start'", false));
        given.quantity(OptionKey.END).ifPresent(q -> numbers.quantity(q, "'end'", false));
        Optional<Quantity> start = given.quantity(OptionKey.START);
        Optional<Quantity> end = given.quantity(OptionKey.END);
        if (start.isPresent() && end.isPresent()) {
            numbers.window(start.get(), end.get());
        }
        given.value(OptionKey.ANNEAL).map(v -> ((Ident) v).name()).ifPresent(curve -> names.known(curve, Vocabulary.REGROW_CURVES));
        return known && !method.text().equals(Vocabulary.NO_REGROW) ? method.text() : null;
    }

    void init(Stmt.Init init) {
        Name kind = init.kind();
        if (!names.known(kind, Vocabulary.INITS)) {
            return;
        }
        boolean dense = kind.text().equals(Vocabulary.DENSE);
        if (dense && init.sparsity() != null) {
            problems.error(init.sparsity().span(), "init dense takes no sparsity");
        } else if (!dense && init.sparsity() == null) {
            problems.error(kind.span(), "init " + kind.text() + " needs a sparsity, such as init " + kind.text() + " 0.5");
        } else if (init.sparsity() != null) {
            numbers.fraction(init.sparsity(), "the initial sparsity");
        }
    }
}
