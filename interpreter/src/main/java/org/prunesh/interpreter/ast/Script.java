package org.prunesh.interpreter.ast;

import java.util.List;

/** The well-formed statements of one input, in source order. */
public record Script(List<Stmt> statements) {

    public Script {
        statements = List.copyOf(statements);
    }
}
