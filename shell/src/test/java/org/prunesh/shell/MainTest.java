package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.SessionConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line itself; a Session is never evaluated here. */
class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<SessionConfig> configs = new ArrayList<>();

    /** Records the configuration and refuses, so the failure path is exercised without ND4J. */
    private int execute(String... args) {
        Main main = new Main((config, listener) -> {
            configs.add(config);
            throw new IllegalStateException("no session in this test");
        }, false);
        return Main.commandLine(main, new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void helpListsTheCommandsAndOptions() {
        assertEquals(0, execute("--help"));
        String help = out.toString();
        assertTrue(help.startsWith("Usage: prune-sh [-hV] [--verbose] [--runs-dir=DIR] [--allow-write=DIR]..."), help);
        assertTrue(help.contains("Commands:"), help);
        assertTrue(help.contains("\n  run      Evaluate a whole script"), help);
        assertTrue(help.contains("\n  check    Check a script"), help);
        assertTrue(help.contains("\n  resume   Continue an interrupted run from its last checkpoint"), help);
        assertTrue(help.contains("66    the script file cannot be read"), help);
        assertEquals("", err.toString());
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        assertEquals(0, execute("run", "--help"));
        assertTrue(out.toString().startsWith("Usage: prune-sh run [-hV] [--detach] [--reuse] [--verbose] [--account=NAME]"), out.toString());
        assertEquals(0, execute("help", "check"));
        assertTrue(out.toString().contains("Usage: prune-sh check [-hV] [--verbose] [--runs-dir=DIR]"), out.toString());
    }

    @Test
    void versionNamesTheBuild() {
        assertEquals(0, execute("--version"));
        String firstLine = out.toString().lines().findFirst().orElseThrow();
        assertTrue(firstLine.matches("prune-sh \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), firstLine);
    }

    @Test
    void aMissingScriptExitsWith66AndSaysWhich() {
        String missing = dir.resolve("missing.prn").toString();
        assertEquals(66, execute("run", missing));
        assertEquals("prune-sh: cannot read " + missing + ": no such file" + System.lineSeparator(), err.toString());
        assertEquals(66, execute("check", dir.toString()));
        assertTrue(err.toString().endsWith("prune-sh: cannot read " + dir + ": is a directory" + System.lineSeparator()));
        assertEquals(List.of(), configs);
        assertEquals("", out.toString());
    }

    @Test
    void wrongUsageExitsWith64() {
        assertEquals(64, execute("frobnicate"));
        assertTrue(err.toString().startsWith("Unmatched argument at index 0: 'frobnicate'"), err.toString());
        assertEquals(64, execute("run"));
        assertTrue(err.toString().contains("Missing required parameter: 'FILE'"), err.toString());
    }

    @Test
    void aRunGetsTheRunsDirectoryAndTheScriptsFolderAndFailsInOneLine() throws Exception {
        Path script = Files.writeString(dir.resolve("ok.prn"), "seed 1;\n");
        Path runs = dir.resolve("results");
        assertEquals(70, execute("--runs-dir", runs.toString(), "run", script.toString()));
        assertEquals("prune-sh: runtime failure: no session in this test (IllegalStateException)"
                + System.lineSeparator(), err.toString());
        assertEquals(List.of(new SessionConfig(runs, dir, false)), configs);
    }

    @Test
    void runReuseReachesTheSession() throws Exception {
        Path script = Files.writeString(dir.resolve("ok.prn"), "seed 1;\n");
        Path runs = dir.resolve("results");
        assertEquals(70, execute("--runs-dir", runs.toString(), "run", "--reuse", script.toString()));
        assertEquals(List.of(new SessionConfig(runs, dir, false, List.of(), org.prunesh.interpreter.CellFilter.ALL, true)),
                configs);
    }

    @Test
    void verboseAfterTheCommandStillAppliesAndShowsTheStackTrace() throws Exception {
        Path script = Files.writeString(dir.resolve("ok.prn"), "seed 1;\n");
        assertEquals(70, execute("check", "--verbose", script.toString()));
        assertTrue(err.toString().startsWith("prune-sh: runtime failure: no session in this test (IllegalStateException)"
                + System.lineSeparator() + "java.lang.IllegalStateException: no session in this test"), err.toString());
        assertEquals(1, configs.size());
        assertTrue(configs.get(0).verbose());
        assertEquals(Path.of("runs").toAbsolutePath(), configs.get(0).runsDir());
    }

    @Test
    void historyFileDefaultsToTheHomeDirectory() {
        assumeTrue(System.getenv("PRUNE_SH_HISTORY") == null, "PRUNE_SH_HISTORY overrides the default here");
        assertEquals(Path.of(System.getProperty("user.home"), ".prune-sh_history"), Main.historyFile());
    }
}
