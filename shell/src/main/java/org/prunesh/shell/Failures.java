package org.prunesh.shell;

import java.io.PrintWriter;

/** Runtime failures as the user sees them: one line by default, the stack trace on request. */
public final class Failures {

    private Failures() {
    }

    /** For example {@code runtime failure: shapes [64, 10] and [32, 10] differ (IllegalStateException)}. */
    public static String describe(Throwable failure) {
        StringBuilder b = new StringBuilder("runtime failure: ").append(summary(failure));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The innermost cause usually names what actually went wrong; add it unless already said.
        if (root != failure) {
            String outer = failure.getMessage();
            String inner = root.getMessage();
            boolean alreadySaid = outer != null && inner != null && outer.contains(inner.strip());
            if (!alreadySaid) {
                b.append("; caused by ").append(summary(root));
            }
        }
        return b.toString();
    }

    public static void report(PrintWriter err, Throwable failure, boolean verbose) {
        err.println("prune-sh: " + describe(failure));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    private static String summary(Throwable t) {
        String message = t.getMessage();
        String type = t.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        // Native-backend messages often span lines; the report is one line.
        return message.strip().replaceAll("\\s*\\R\\s*", " ") + " (" + type + ")";
    }
}
