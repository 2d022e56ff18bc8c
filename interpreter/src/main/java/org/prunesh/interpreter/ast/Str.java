package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** A quoted string; {@code value} has the quotes removed and escapes ({@code \"}, {@code \\}) resolved. */
public record Str(String value, Span span) implements Value, ExcludeItem {
}
