package org.prunesh.interpreter.ast;

import org.junit.jupiter.api.Test;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sweep's body may hold the STP statements; their names are substituted like any other. */
class SweepsStpTest {

    private static final String SCRIPT = String.join("\n",
            "sweep s in [random, uniform], imp in [l1, bn], e in [mutate, off] {",
            "  space depth [1..3, 2, 3] width 0.25..1.0 step 0.25 per block importance imp;",
            "  stimulate subnets 2 expansion e;",
            "  search s seed 3 as best;",
            "  let a = arch depth [1, 1, 1] width [1, 1, 1] inner [1, 1, 1, 1, 1, 1, 1, 1, 1];",
            "  extract best \"x\";",
            "  show a;",
            "}");

    @Test
    void substitutesTheVariablesInEveryStpStatement() {
        ParseResult parsed = new ScriptParser().parse(SCRIPT, "s.prn");
        assertEquals(List.of(), parsed.diagnostics());
        Stmt.Sweep sweep = (Stmt.Sweep) parsed.script().statements().get(0);
        List<Map<String, Value>> combinations = Sweeps.combinations(sweep);
        assertEquals(8, combinations.size());
        assertEquals("s=uniform,imp=bn,e=off", Sweeps.label(combinations.get(7)));

        List<Stmt> written = sweep.body();
        List<Stmt> body = Sweeps.body(sweep, combinations.get(7));
        Stmt.Space space = (Stmt.Space) written.get(0);
        assertEquals(new Stmt.Space(space.depth(), space.width(), true, new Name("bn", space.importance().span()), null,
                space.span()), body.get(0));
        Stmt.Stimulate stimulate = (Stmt.Stimulate) written.get(1);
        Option subnets = stimulate.options().all().get(0);
        Option expansion = stimulate.options().all().get(1);
        assertEquals(new Stmt.Stimulate(new Options(List.of(subnets, new Option(expansion.key(), expansion.keySpan(),
                        new Ident(new Name("off", expansion.value().span())), expansion.span()))), false, stimulate.span()),
                body.get(1));
        Stmt.Search search = (Stmt.Search) written.get(2);
        assertEquals(new Stmt.Search(new Name("uniform", search.strategy().span()), search.options(), search.as(),
                search.span()), body.get(2));
        assertEquals(written.subList(3, 6), body.subList(3, 6));
    }
}
