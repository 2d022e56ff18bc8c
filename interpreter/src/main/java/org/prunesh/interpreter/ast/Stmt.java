package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

import java.util.List;

/**
 * One statement of a script. Its span starts at the statement's first word and runs to its
 * {@code ;} (to the end of the first line when the statement spans several).
 */
public sealed interface Stmt permits Stmt.Seed, Stmt.Data, Stmt.Model, Stmt.Train, Stmt.Schedule, Stmt.Select,
        Stmt.Scope, Stmt.Exclude, Stmt.Let, Stmt.Run, Stmt.Evaluate, Stmt.Report, Stmt.Show {

    Span span();

    /** {@code seed 18;} */
    record Seed(Num value, Span span) implements Stmt { }

    /** {@code data fashion-mnist limit 1000;} */
    record Data(Name dataset, Options options, Span span) implements Stmt { }

    /** {@code model mlp hidden [256, 128] width 0.5;} */
    record Model(Name model, Options options, Span span) implements Stmt { }

    /** {@code train epochs 20 lr 0.1;} */
    record Train(Options options, Span span) implements Stmt { }

    /** {@code schedule cubic to 0.9 ...;} or {@code schedule agp;} */
    record Schedule(ScheduleExpr schedule, Span span) implements Stmt { }

    /** {@code select gradient ratio 0.5 then magnitude;} or {@code select fggp;} */
    record Select(SelectExpr selection, Span span) implements Stmt { }

    /** {@code scope global;} */
    record Scope(Name scope, Span span) implements Stmt { }

    /** {@code exclude first, bias, "conv*";} */
    record Exclude(List<ExcludeItem> items, Span span) implements Stmt {
        public Exclude {
            items = List.copyOf(items);
        }
    }

    /** {@code let agp = schedule cubic ...;} */
    record Let(Name name, LetValue value, Span span) implements Stmt { }

    /** {@code run;} or {@code run "fggp-90";}; {@code name} is null when none is given. */
    record Run(Str name, Span span) implements Stmt { }

    /** {@code evaluate;} */
    record Evaluate(Span span) implements Stmt { }

    /** {@code report layers;} */
    record Report(Name what, Span span) implements Stmt { }

    /** {@code show schedule;} */
    record Show(Name what, Span span) implements Stmt { }
}
