package org.prunesh.interpreter.syntax;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.prunesh.grammar.PruneLexer;
import org.prunesh.grammar.PruneParser;
import org.prunesh.interpreter.resolve.Suggestions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an ANTLR recognition error into a sentence in the language's terms: what was expected
 * (a kind of value, a list of keywords, or the ';' that ends a statement) and what was found.
 */
final class SyntaxMessages {

    /** Rules whose whole job is one value: an error at their first token names the value. */
    private static final Map<Integer, String> VALUE_RULES = Map.ofEntries(
            Map.entry(PruneParser.RULE_number, "a number"),
            Map.entry(PruneParser.RULE_fraction, "a number or percent"),
            Map.entry(PruneParser.RULE_quantity, "a number of steps or epochs, or a percent"),
            Map.entry(PruneParser.RULE_interval, "a number of steps or epochs"),
            Map.entry(PruneParser.RULE_point, "a point such as (100 steps, 0.5)"),
            Map.entry(PruneParser.RULE_intList, "a list of whole numbers such as [256, 128]"),
            Map.entry(PruneParser.RULE_string, "a quoted string"),
            Map.entry(PruneParser.RULE_datasetName, "a data set name"),
            Map.entry(PruneParser.RULE_modelName, "a model name"),
            Map.entry(PruneParser.RULE_optimizerName, "an optimizer name"),
            Map.entry(PruneParser.RULE_scheduleKind, "a schedule kind or a defined schedule"),
            Map.entry(PruneParser.RULE_scoreName, "a score name"),
            Map.entry(PruneParser.RULE_scopeName, "a scope"),
            Map.entry(PruneParser.RULE_granularityKind, "a granularity"),
            Map.entry(PruneParser.RULE_countKind, "what to count"),
            Map.entry(PruneParser.RULE_regrowMethod, "a regrowth method"),
            Map.entry(PruneParser.RULE_initKind, "an initialisation"),
            Map.entry(PruneParser.RULE_curveName, "a curve"),
            Map.entry(PruneParser.RULE_exportTarget, "what to export"),
            Map.entry(PruneParser.RULE_letName, "a name to define"),
            Map.entry(PruneParser.RULE_excludeItem, "an exclusion (a keyword such as bias, or a quoted name glob)"),
            Map.entry(PruneParser.RULE_reportTarget, "what to report"),
            Map.entry(PruneParser.RULE_showTarget, "what to show"),
            Map.entry(PruneParser.RULE_depthList, "a list of depths such as [1..3, 2]"),
            Map.entry(PruneParser.RULE_depthRange, "a depth such as 2 or 1..3"),
            Map.entry(PruneParser.RULE_widthChoices,
                    "widths: a range such as 0.25..1.0 step 0.125, or a list such as [0.5, 1.0]"),
            Map.entry(PruneParser.RULE_numberList, "a list of numbers such as [0.5, 0.75]"),
            Map.entry(PruneParser.RULE_importanceName, "a channel importance"),
            Map.entry(PruneParser.RULE_budgetMetric, "a budget metric (flops)"),
            Map.entry(PruneParser.RULE_expansionName, "an expansion"),
            Map.entry(PruneParser.RULE_strategyName, "a search strategy"),
            Map.entry(PruneParser.RULE_orderName, "a width order"),
            Map.entry(PruneParser.RULE_archName, "an architecture name"),
            // the issue pins "extract;" to this message; a quoted run name (extract "small";) is the other form
            Map.entry(PruneParser.RULE_extractSource, "an architecture name"));

    private SyntaxMessages() {
    }

    static String describe(Parser parser, RecognitionException e) {
        Token found = e.getOffendingToken();
        if (found.getType() == PruneLexer.ERROR_CHAR) {
            return "unexpected character '" + found.getText() + "'";
        }
        if (found.getType() == PruneLexer.UNTERMINATED_STRING) {
            return "string " + found.getText() + " is not closed: add '\"' before the end of the line";
        }
        ParserRuleContext ctx = (ParserRuleContext) e.getCtx();
        String foundText = found(found);
        String after = " after " + previous(parser.getInputStream(), found);
        Optional<String> value = valueRule(ctx, found);
        if (value.isPresent()) {
            return "expected " + value.get() + after + ", found " + foundText;
        }
        if (ctx.getRuleIndex() == PruneParser.RULE_statement) {
            return "expected a statement (" + String.join(", ", ScriptParser.statementKeywords()) + "), found "
                    + foundText + suggestion(found, ScriptParser.statementKeywords());
        }
        IntervalSet expected = e.getExpectedTokens();
        if (expected.contains(PruneLexer.SEMI) && (expected.size() == 1 || found.getType() == Token.EOF
                || ScriptParser.isStatementHead(found.getType()))) {
            return "expected ';' to end the " + statementWord(ctx) + " statement, found " + foundText;
        }
        List<Integer> types = expected.toList().stream()
                .sorted(Comparator.comparingInt(SyntaxMessages::listRank).thenComparingInt(t -> t)).toList();
        List<String> names = types.stream().map(SyntaxMessages::display).toList();
        List<String> keywords = types.stream().filter(SyntaxMessages::isWord).map(SyntaxMessages::literal).toList();
        String list = switch (names.size()) {
            case 1 -> quoted(names.get(0)) + after;
            case 2 -> quoted(names.get(0)) + " or " + quoted(names.get(1)) + after;
            default -> "one of: " + String.join(", ", names.subList(0, names.size() - 1)) + ", or "
                    + names.get(names.size() - 1);
        };
        return "expected " + list + ", found " + foundText + suggestion(found, keywords);
    }

    /** Keywords first (in grammar order), then kinds of value, then punctuation, with ';' last. */
    private static int listRank(int type) {
        if (isWord(type)) {
            return 0;
        }
        return switch (type) {
            case PruneLexer.NUMBER, PruneLexer.PERCENT, PruneLexer.ID, PruneLexer.STRING -> 1;
            case PruneLexer.SEMI -> 3;
            case Token.EOF -> 4;
            default -> 2;
        };
    }

    /** What {@code ctx} is the value of, if the error is at its first token (a target's: report's or show's). */
    private static Optional<String> valueRule(ParserRuleContext ctx, Token found) {
        ParserRuleContext rule = ctx.getRuleIndex() == PruneParser.RULE_target ? ctx.getParent() : ctx;
        boolean atStart = rule.getStart().getTokenIndex() == found.getTokenIndex();
        return Optional.ofNullable(VALUE_RULES.get(rule.getRuleIndex())).filter(what -> atStart);
    }

    /** The statement an error is in, named by its first word ({@code let} for a schedule inside a let). */
    private static String statementWord(ParserRuleContext ctx) {
        ParserRuleContext c = ctx;
        while (c.getParent() != null && c.getParent().getRuleIndex() != PruneParser.RULE_statement) {
            c = c.getParent();
        }
        return c.getStart().getText();
    }

    private static String previous(TokenStream tokens, Token found) {
        int index = found.getTokenIndex() - 1;
        while (index >= 0 && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) index--;
        return index < 0 ? "the start" : "'" + tokens.get(index).getText() + "'";
    }

    private static String found(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of input";
            case PruneLexer.STRING -> token.getText();
            default -> "'" + token.getText() + "'";
        };
    }

    private static String display(int type) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case PruneLexer.NUMBER -> "a number";
            case PruneLexer.PERCENT -> "a percent";
            case PruneLexer.ID -> "a name";
            case PruneLexer.STRING -> "a quoted string";
            default -> isWord(type) ? literal(type) : PruneLexer.VOCABULARY.getLiteralName(type);
        };
    }

    /** Keywords read bare in a list; in a short "expected X or Y" they are quoted like punctuation. */
    private static String quoted(String name) {
        return name.startsWith("'") || name.startsWith("a ") || name.startsWith("end ") ? name : "'" + name + "'";
    }

    static boolean isWord(int type) {
        String literal = PruneLexer.VOCABULARY.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    static String literal(int type) {
        String literal = PruneLexer.VOCABULARY.getLiteralName(type);
        return literal.substring(1, literal.length() - 1);
    }

    private static String suggestion(Token found, List<String> candidates) {
        if (found.getType() != PruneLexer.ID && !isWord(found.getType())) {
            return "";
        }
        return Suggestions.nearest(found.getText(), candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
