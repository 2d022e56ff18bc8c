package org.prunesh.interpreter.syntax;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
