package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.diag.Span;

import java.math.BigDecimal;

/**
 * A final sparsity a statement asks for (a schedule's {@code to}, its last point, {@code prune now
 * to}), where it is written and how, so that a conflict with another statement can point at it.
 */
record Target(BigDecimal sparsity, Span span, String text) {

    static Target of(Num n) {
        return new Target(n.exactFraction(), n.span(), n.text());
    }
}
