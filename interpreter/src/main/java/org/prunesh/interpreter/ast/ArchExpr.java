package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * {@code arch depth [2, 3, 1] width [0.5, 0.75, 0.375] inner [...]}: one architecture of a space,
 * as a {@code let} names it. {@code depth} is the blocks kept per stage, {@code width} the share of
 * each stage's residual channels kept, {@code inner} (null when not given) the share of each
 * block's inner channels, one per block of the full network.
 */
public record ArchExpr(List<Num> depth, List<Num> width, List<Num> inner, Span span) implements LetValue {

    public ArchExpr {
        depth = List.copyOf(depth);
        width = List.copyOf(width);
        inner = inner == null ? null : List.copyOf(inner);
    }
}
