package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * One variable of a sweep and the values it takes: names (of definitions, scores, models...) that
 * replace the variable wherever the body uses it as a name, or numbers for {@code seed}.
 */
public record SweepVar(Name name, List<Value> values, Span span) {
    public SweepVar {
        values = List.copyOf(values);
    }
}
