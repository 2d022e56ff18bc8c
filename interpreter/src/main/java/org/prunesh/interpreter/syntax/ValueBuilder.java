package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
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
        Value value = ctx.getChildCount() == 1 ? new Flag(name.span()) : value((ParserRuleContext) ctx.getChild(1));
        return new Option(key, name.span(), value, spans.of(ctx));
    }

    /** The value rules are one token each, or a quantity or a list; the rule says which. */
    private Value value(ParserRuleContext ctx) {
        return switch (ctx.getRuleIndex()) {
            case PruneParser.RULE_number, PruneParser.RULE_fraction -> number(ctx.getStart());
            case PruneParser.RULE_quantity, PruneParser.RULE_interval -> quantity(ctx);
            case PruneParser.RULE_string -> string(ctx.getStart());
            case PruneParser.RULE_intList -> new IntList(numbers(((PruneParser.IntListContext) ctx).NUMBER()),
                    spans.of(ctx));
            case PruneParser.RULE_quantityList -> new QuantityList(
                    ((PruneParser.QuantityListContext) ctx).quantity().stream().map(this::quantity).toList(),
                    spans.of(ctx));
            case PruneParser.RULE_decayName, PruneParser.RULE_optimizerName, PruneParser.RULE_curveName,
                 PruneParser.RULE_expansionName, PruneParser.RULE_archName, PruneParser.RULE_orderName ->
                    new Ident(name(ctx.getStart()));
            default -> throw new IllegalStateException("no value form for " + ctx.getClass().getSimpleName());
        };
    }

    /**
     * A quantity or an interval (the same form without a percent): a number, then a unit or a
     * percent sign or neither (steps).
     */
    Quantity quantity(ParserRuleContext ctx) {
        Num amount = number(ctx.getStart());
        PruneParser.UnitContext unitCtx = ctx.getRuleContext(PruneParser.UnitContext.class, 0);
        Quantity.Unit unit = Quantity.Unit.STEPS;
        if (amount.percent()) {
            unit = Quantity.Unit.PERCENT;
        } else if (unitCtx != null && (unitCtx.EPOCHS() != null || unitCtx.EPOCH() != null)) {
            unit = Quantity.Unit.EPOCHS;
        }
        return new Quantity(amount, unit, spans.of(ctx));
    }

    /** The NUMBER tokens of a bracketed list, in order. */
    List<Num> numbers(List<TerminalNode> tokens) {
        return tokens.stream().map(n -> number(n.getSymbol())).toList();
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
        return new Str(body.replaceAll("\\\\([\"\\\\])", "$1"), spans.of(token));   // \" -> ", \\ -> \
    }
}
