package org.prunesh.interpreter.syntax;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Span;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatterTest {

    @Test
    void spacingIndentationCommentsAndBlankLinesBecomeCanonical() {
        String messy = String.join("\n",
                "# header",
                "seed   18 ;data synthetic samples 100   features 8;",
                "",
                "",
                "",
                "model mlp hidden [ 64 ,32 ] ;   # trailing",
                "train epochs 2",
                "   batch 64;",
                "granularity nm 2 : 4;",
                "schedule points [( 0 , 0.5 ),(2 epochs,0.8)];",
                "sweep m in [a,b],seed in [1,2]{select m;",
                "run \"x\";}",
                "");
        assertEquals(String.join("\n",
                "# header",
                "seed 18;",
                "data synthetic samples 100 features 8;",
                "",
                "model mlp hidden [64, 32];  # trailing",
                "train epochs 2",
                "      batch 64;",
                "granularity nm 2:4;",
                "schedule points [(0, 0.5), (2 epochs, 0.8)];",
                "sweep m in [a, b], seed in [1, 2] {",
                "  select m;",
                "  run \"x\";",
                "}",
                ""), Formatter.format(messy));
    }

    @Test
    void formattingIsIdempotentAndKeepsEveryExampleParsingToTheSameStatements() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".prn")).toList()) {
                String source = Files.readString(p);
                String once = Formatter.format(source);
                assertEquals(once, Formatter.format(once), p.toString());
                ScriptParser parser = new ScriptParser();
                assertTrue(parser.parse(once, "f").diagnostics().isEmpty(), p.toString());
                assertEquals(parser.parse(source, "f").script().statements().size(),
                        parser.parse(once, "f").script().statements().size(), p.toString());
            }
        }
    }

    /** Every STP statement in its canonical layout. */
    private static final String STP = String.join("\n",
            "space depth [1..3, 1..3, 1..3] width 0.25..1.0 step 0.125;",
            "space depth [3, 1..3, 2] width [0.25, 0.5, 0.75, 1.0] per block importance bn refresh 2 epochs;",
            "budget flops 35%;",
            "stimulate subnets 2 lambda 1.0 temperature 4 expansion mutate until 50%;",
            "stimulate off;",
            "search evolutionary population 16 generations 8 mutation 0.2 crossover 0.5 batches 4 calibration 10 as best;",
            "let a = arch depth [2, 3, 1] width [0.5, 0.75, 0.375]",
            "      inner [0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 0.5, 0.5, 0.5];",
            "extract best \"stp-35\";",
            "sweep s in [random, uniform] {",
            "  search s as b;",
            "  extract b;",
            "}",
            "report subnets;",
            "show best;",
            "");

    @Test
    void theStpStatementsFormatCanonicallyAndParseToTheSameStatements() {
        String messy = String.join("\n",
                "space depth[ 1 .. 3,1..3 , 1 ..3 ]width 0.25 .. 1.0 step 0.125;",
                "space   depth [3,1..3,2] width [0.25,0.5,0.75,1.0] per   block importance bn refresh 2 epochs ;",
                "budget flops 35% ;stimulate subnets 2 lambda 1.0 temperature 4 expansion mutate until 50%;",
                "stimulate   off;",
                "search evolutionary population 16 generations 8 mutation 0.2 crossover 0.5 batches 4 calibration 10 "
                        + "as best;",
                "let a = arch depth [2,3,1] width [ 0.5,0.75,0.375 ]",
                "   inner [0.25,0.5,0.5,0.75,0.75,0.75,0.5,0.5,0.5];",
                "extract best  \"stp-35\";",
                "sweep s in [random,uniform] { search s as b; extract b; }",
                "report subnets;show best;",
                "");
        String once = Formatter.format(messy);
        assertEquals(STP, once);
        assertEquals(STP, Formatter.format(once));
        ScriptParser parser = new ScriptParser();
        ParseResult formatted = parser.parse(once, "f");
        ParseResult original = parser.parse(messy, "f");
        assertEquals(List.of(), formatted.diagnostics());
        assertEquals(List.of(), original.diagnostics());
        assertEquals(parser.parse(STP, "f").script(), formatted.script());
        assertEquals(withoutSpans(original.script().statements()), withoutSpans(formatted.script().statements()));
        assertEquals(11, formatted.script().statements().size());
        assertEquals(Stmt.Sweep.class, formatted.script().statements().get(8).getClass());
    }

    private static final Span NOWHERE = new Span("f", 1, 1, 1);

    /** The same tree with every span replaced by one, so that layouts compare by content alone. */
    private static Object withoutSpans(Object node) {
        if (node instanceof Span) {
            return NOWHERE;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(withoutSpans(item)));
            return out;
        }
        if (node == null || !node.getClass().isRecord()) {
            return node;
        }
        RecordComponent[] components = node.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                args[i] = withoutSpans(components[i].getAccessor().invoke(node));
                types[i] = components[i].getType();
            }
            Constructor<?> canonical = node.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
