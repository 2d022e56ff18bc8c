package org.prunesh.interpreter.exec;

/** What the REPL's {@code :show} prints: the settings as statements, then the last run as a comment. */
public final class StateReport {

    private StateReport() {
    }

    public static String describe(SessionState s) {
        RunRecord r = s.lastRun();
        return ConfigStatements.of(s) + (r == null ? "# no run yet\n" : String.format("# last run '%s': %.2f%% sparse over "
                + "prunable%s%n", r.name(), 100 * r.layers().sparsityOverPrunable(),
                r.directory() == null ? "" : ", in " + r.directory()));
    }
}
