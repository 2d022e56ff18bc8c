package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * {@code schedule KIND [points] options}. {@code kind} is either a schedule kind ({@code cubic}, ...)
 * or a name defined with {@code let}; the checker tells which, and forbids options on a defined
 * name. {@code points} holds the list of {@code schedule points [(0, 0.5), (2 epochs, 0.8)]}
 * and is empty for every other form.
 *
 * @param pointsSpan where the point list stands, or null when there is none
 */
public record ScheduleExpr(Name kind, Options options, List<PointExpr> points, Span pointsSpan, Span span)
        implements LetValue {

    public ScheduleExpr {
        points = List.copyOf(points);
    }

    public boolean hasPoints() {
        return pointsSpan != null;
    }
}
