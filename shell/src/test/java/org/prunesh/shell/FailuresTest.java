package org.prunesh.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    @Test
    void describesAFailureInOneLine() {
        assertEquals("runtime failure: shapes [64, 10] and [32, 10] differ (IllegalStateException)",
                Failures.describe(new IllegalStateException("shapes [64, 10] and [32, 10] differ")));
        assertEquals("runtime failure: NullPointerException", Failures.describe(new NullPointerException()));
        assertEquals("runtime failure: op matmul failed: see native log (RuntimeException)",
                Failures.describe(new RuntimeException("op matmul failed:\n   see native log\n")));
    }

    @Test
    void namesTheInnermostCauseUnlessTheMessageAlreadySaysIt() {
        assertEquals("runtime failure: could not load the data (UncheckedIOException); caused by disk full (IOException)",
                Failures.describe(new java.io.UncheckedIOException("could not load the data", new IOException("disk full"))));
        assertEquals("runtime failure: java.io.IOException: disk full (RuntimeException)",
                Failures.describe(new RuntimeException(new IOException("disk full"))));
    }

    @Test
    void reportsOneLineAndTheStackTraceOnlyWhenVerbose() {
        StringWriter quiet = new StringWriter();
        Failures.report(new PrintWriter(quiet), new IllegalStateException("boom"), false);
        assertEquals("prune-sh: runtime failure: boom (IllegalStateException)" + System.lineSeparator(), quiet.toString());

        StringWriter verbose = new StringWriter();
        Failures.report(new PrintWriter(verbose), new IllegalStateException("boom"), true);
        assertTrue(verbose.toString().startsWith("prune-sh: runtime failure: boom (IllegalStateException)"
                + System.lineSeparator() + "java.lang.IllegalStateException: boom"), verbose.toString());
        assertTrue(verbose.toString().contains("at org.prunesh.shell.FailuresTest."), verbose.toString());
    }
}
