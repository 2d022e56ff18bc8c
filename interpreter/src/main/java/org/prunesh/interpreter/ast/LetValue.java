package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** What a {@code let} can name: a schedule, a selection or an architecture. */
public sealed interface LetValue permits ScheduleExpr, SelectExpr, ArchExpr {

    Span span();
}
