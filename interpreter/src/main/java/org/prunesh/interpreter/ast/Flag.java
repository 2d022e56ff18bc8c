package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** The value of an option that takes none, such as {@code nesterov}: being present is the value. */
public record Flag(Span span) implements Value {
}
