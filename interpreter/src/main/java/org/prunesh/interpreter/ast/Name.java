package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** A word as written: an option key, or the name of a thing that the checker resolves. */
public record Name(String text, Span span) implements ExcludeItem {
}
