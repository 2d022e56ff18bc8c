package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** What a {@code let} can name: a schedule or a selection. */
public sealed interface LetValue permits ScheduleExpr, SelectExpr {

    Span span();
}
