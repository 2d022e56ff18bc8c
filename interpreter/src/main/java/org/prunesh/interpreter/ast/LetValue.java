package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** What a {@code let} can name: a schedule, a selection, an architecture or a block of statements. */
public sealed interface LetValue permits ScheduleExpr, SelectExpr, ArchExpr, Block {

    Span span();
}
