package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** The value of an option; the grammar fixes which form each option key takes. */
public sealed interface Value permits Num, Str, Ident, IntList, QuantityList, Quantity, Flag {

    Span span();
}
