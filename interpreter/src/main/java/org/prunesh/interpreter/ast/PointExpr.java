package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** One {@code (step, sparsity)} pair of {@code schedule points [...]}, e.g. {@code (2 epochs, 0.8)}. */
public record PointExpr(Quantity at, Num sparsity, Span span) {
}
