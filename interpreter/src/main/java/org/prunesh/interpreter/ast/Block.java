package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * {@code { select magnitude; scope global; }}: statements a {@code let} names, carried out where
 * {@code use NAME;} stands, so that a sweep variable can stand for several settings at once (a
 * method that is a selection, a scope and a regrowth rule).
 */
public record Block(List<Stmt> statements, Span span) implements LetValue {

    public Block {
        statements = List.copyOf(statements);
    }
}
