package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** One stage of a selection: a score name and, before {@code then}, the pool ratio (null when absent). */
public record StageExpr(Name score, Num ratio, Span span) {
}
