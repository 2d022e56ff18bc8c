package org.prunesh.interpreter.check;

import org.prunesh.interpreter.ast.Name;
import org.prunesh.interpreter.ast.Script;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.diag.Span;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed script before anything runs: names against the vocabularies and the session's
 * definitions, options against what they apply to, numbers against their ranges, and order
 * (a run needs data and a model before it). It walks the statements in order, so a {@code let}
 * or {@code data} counts for the statements after it, and it reports every problem it finds.
 */
public final class Checker {

    /** Report targets that look at the model, and so need data and a model given first. */
    private static final Set<String> REPORTS_ON_MODEL = Set.of("layers");

    private static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column());

    public CheckResult check(Script script, CheckContext context) {
        Problems problems = new Problems();
        SetupChecks setup = new SetupChecks(problems);
        PruningChecks pruning = new PruningChecks(problems);
        NameRules names = new NameRules(problems);
        CheckContext current = context;
        for (Stmt statement : script.statements()) {
            current = check(statement, current, problems, setup, pruning, names);
        }
        List<Diagnostic> sorted = problems.list().stream().sorted(BY_POSITION).toList();
        return new CheckResult(sorted, current);
    }

    private static CheckContext check(Stmt statement, CheckContext context, Problems problems, SetupChecks setup,
                                      PruningChecks pruning, NameRules names) {
        if (statement instanceof Stmt.Seed seed) {
            setup.seed(seed);
        } else if (statement instanceof Stmt.Data data) {
            setup.data(data);
            return context.withData();
        } else if (statement instanceof Stmt.Model model) {
            setup.model(model);
            return context.withModel();
        } else if (statement instanceof Stmt.Train train) {
            setup.train(train);
        } else if (statement instanceof Stmt.Schedule schedule) {
            pruning.schedule(schedule.schedule(), context);
        } else if (statement instanceof Stmt.Select select) {
            pruning.select(select.selection(), context);
        } else if (statement instanceof Stmt.Scope scope) {
            pruning.scope(scope);
        } else if (statement instanceof Stmt.Exclude exclude) {
            pruning.exclude(exclude);
        } else if (statement instanceof Stmt.Let let) {
            return pruning.let(let, context);
        } else if (statement instanceof Stmt.Run run) {
            runName(run, problems);
            needsSetup("run", run.span(), context, problems);
        } else if (statement instanceof Stmt.Evaluate evaluate) {
            needsSetup("evaluate", evaluate.span(), context, problems);
        } else if (statement instanceof Stmt.Report report) {
            Name what = report.what();
            if (names.known(what, Vocabulary.REPORTS) && REPORTS_ON_MODEL.contains(what.text())) {
                needsSetup("report " + what.text(), report.span(), context, problems);
            }
        } else if (statement instanceof Stmt.Show show) {
            names.known(show.what(), Vocabulary.SHOWS);
        }
        return context;
    }

    private static void needsSetup(String what, Span span, CheckContext context, Problems problems) {
        if (!context.hasData() && !context.hasModel()) {
            problems.error(span, what + " needs data and a model: add 'data ...;' and 'model ...;' before it");
        } else if (!context.hasData()) {
            problems.error(span, what + " needs data: add 'data ...;' before it");
        } else if (!context.hasModel()) {
            problems.error(span, what + " needs a model: add 'model ...;' before it");
        }
    }

    /** The name becomes part of a directory name, {@code runs/<time>-<name>/}. */
    private static void runName(Stmt.Run run, Problems problems) {
        if (run.name() != null && !run.name().value().matches("[A-Za-z0-9._-]+")) {
            problems.error(run.name().span(), "a run name may use only letters, digits, '.', '_' and '-', found \""
                    + run.name().value() + "\"");
        }
    }
}
