package org.prunesh.interpreter.exec;

import org.prunesh.ops.prune.SelectionSpec;
import org.prunesh.ops.schedule.ScheduleSpec;

import java.util.Map;
import java.util.TreeMap;

/** What the REPL's {@code :show} prints: the session's setup, definitions and last run. */
public final class StateReport {

    private StateReport() {
    }

    public static String describe(SessionState s) {
        StringBuilder sb = new StringBuilder();
        line(sb, "seed", String.valueOf(s.seed()));
        line(sb, "data", s.data() == null ? "(none)" : s.data().toString());
        line(sb, "model", s.model() == null ? "(none)" : s.model().toString());
        line(sb, "train", s.train().toString());
        PruningState p = s.pruning();
        line(sb, "schedule", p.schedule().describe());
        line(sb, "select", p.selection().describe());
        line(sb, "scope", p.scope().name().toLowerCase() + (p.bounds().isNone() ? ""
                : " min_density " + p.bounds().min() + " max_density " + p.bounds().max()));
        line(sb, "granularity", p.granularity().describe());
        line(sb, "exclude", p.exclusions().toString());
        line(sb, "count", p.countAll() ? "all" : "prunable");
        line(sb, "regrow", p.regrowth() == null ? "none" : p.regrowth().describe());
        line(sb, "init", p.init() == null ? "dense" : p.init().describe());
        Map<String, Definition> defs = new TreeMap<>(s.definitions());
        if (defs.isEmpty()) {
            line(sb, "definitions", "(none)");
        } else {
            defs.forEach((name, value) -> line(sb, "let " + name, value instanceof Definition.Schedule sch
                    ? "schedule " + sch.spec().describe() : value instanceof Definition.Selection sel
                    ? "select " + sel.spec().describe() : "arch"));
        }
        RunRecord r = s.lastRun();
        line(sb, "last run", r == null ? "(none)" : String.format("'%s': %.2f%% sparse over prunable%s", r.name(),
                100 * r.layers().sparsityOverPrunable(), r.directory() == null ? "" : ", in " + r.directory()));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-14s %s%n", key, value));
    }
}
