package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.ast.Flag;
import org.prunesh.interpreter.ast.Ident;
import org.prunesh.interpreter.ast.IntList;
import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Num;
import org.prunesh.interpreter.ast.Option;
import org.prunesh.interpreter.ast.OptionKey;
import org.prunesh.interpreter.ast.Options;
import org.prunesh.interpreter.ast.Quantity;
import org.prunesh.interpreter.ast.QuantityList;
import org.prunesh.interpreter.ast.Str;
import org.prunesh.interpreter.ast.Value;

import java.util.List;

/** Builds options, names and values from their parse-tree nodes. */
final class ValueBuilder {

    private final SourceSpans spans;

    ValueBuilder(SourceSpans spans) {
        this.spans = spans;
    }

    /** Every option rule is {@code KEY value?}; the value's rule says which form it has. */
    Options options(List<? extends ParserRuleContext> optionContexts) {
        return new Options(optionContexts.stream().map(this::option).toList());
    }

    private Option option(ParserRuleContext ctx) {
        Name name = name(ctx.getStart());
        // OptionKeyTest checks that every option keyword of the grammar has its constant
        OptionKey key = OptionKey.of(name.text()).orElseThrow(() -> new IllegalStateException(
                "the grammar's option '" + name.text() + "' has no OptionKey"));
        Value value = ctx.getChildCount() == 1 ? new Flag(name.span()) : value(ctx.getChild(1));
        return new Option(key, name.span(), value, spans.of(ctx));
    }

    private Value value(ParseTree node) {
        if (node instanceof PruneParser.NumberContext n) {
            return number(n.NUMBER().getSymbol());
        }
        if (node instanceof PruneParser.FractionContext f) {
            return number(f.getStart());
        }
        if (node instanceof PruneParser.QuantityContext q) {
            return quantity(q);
        }
        if (node instanceof PruneParser.IntervalContext i) {
            return interval(i);
        }
        if (node instanceof PruneParser.IntListContext list) {
            return new IntList(list.NUMBER().stream().map(n -> number(n.getSymbol())).toList(), spans.of(list));
        }
        if (node instanceof PruneParser.StringContext s) {
            return string(s.STRING().getSymbol());
        }
        if (node instanceof PruneParser.QuantityListContext list) {
            return new QuantityList(list.quantity().stream().map(this::quantity).toList(), spans.of(list));
        }
        if (node instanceof PruneParser.DecayNameContext d) {
            return new Ident(name(d.ID().getSymbol()));
        }
        if (node instanceof PruneParser.OptimizerNameContext o) {
            return new Ident(name(o.ID().getSymbol()));
        }
        if (node instanceof PruneParser.CurveNameContext c) {
            return new Ident(name(c.ID().getSymbol()));
        }
        if (node instanceof PruneParser.ExpansionNameContext e) {
            return new Ident(name(e.getStart()));
        }
        if (node instanceof PruneParser.ArchNameContext a) {
            return new Ident(name(a.ID().getSymbol()));
        }
        if (node instanceof PruneParser.OrderNameContext o) {
            return new Ident(name(o.ID().getSymbol()));
        }
        throw new IllegalStateException("no value form for " + node.getClass().getSimpleName());
    }

    Quantity quantity(PruneParser.QuantityContext ctx) {
        return quantity(ctx, ctx.unit());
    }

    Quantity interval(PruneParser.IntervalContext ctx) {
        return quantity(ctx, ctx.unit());
    }

    /** A quantity or an interval: a number, then a unit or a percent sign or neither (steps). */
    private Quantity quantity(ParserRuleContext ctx, PruneParser.UnitContext unitCtx) {
        Num amount = number(ctx.getStart());
        Quantity.Unit unit;
        if (amount.percent()) {
            unit = Quantity.Unit.PERCENT;
        } else if (unitCtx == null) {
            unit = Quantity.Unit.STEPS;
        } else {
            unit = unitCtx.getStart().getType() == PruneParser.EPOCHS
                    || unitCtx.getStart().getType() == PruneParser.EPOCH
                    ? Quantity.Unit.EPOCHS : Quantity.Unit.STEPS;
        }
        return new Quantity(amount, unit, spans.of(ctx));
    }

    /** A NUMBER or PERCENT token; the value is kept as written, 90 for {@code 90%}. */
    Num number(Token token) {
        String text = token.getText();
        boolean percent = token.getType() == PruneParser.PERCENT;
        double value = Double.parseDouble(percent ? text.substring(0, text.length() - 1) : text);
        return new Num(value, percent, text, spans.of(token));
    }

    Name name(Token token) {
        return new Name(token.getText(), spans.of(token));
    }

    /**
     * Removes the quotes and resolves {@code \"} and {@code \\}; any other backslash is kept as
     * written, so that a Windows path such as {@code "C:\data"} means what it says.
     */
    Str string(Token token) {
        String text = token.getText();
        String body = text.substring(1, text.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && (body.charAt(i + 1) == '"' || body.charAt(i + 1) == '\\')) {
                out.append(body.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return new Str(out.toString(), spans.of(token));
    }
}
