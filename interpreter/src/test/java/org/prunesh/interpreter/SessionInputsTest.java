package org.prunesh.interpreter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunesh.interpreter.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** REPL inputs are checked against the session's state as the inputs before them left it, and nothing else. */
class SessionInputsTest {

    @TempDir
    Path dir;

    private static List<String> messages(Evaluation e) {
        return e.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @Test
    void aSettingOfAnEarlierInputIsCheckedAgainstUntilAnotherInputChangesIt() {
        Session session = new Session(new SessionConfig(dir, dir, false), SessionListener.SILENT);
        Evaluation first = session.evaluate("granularity nm 2:4; let agp = schedule cubic to 0.9;", "a");
        assertEquals(Outcome.OK, first.outcome(), first.rendered());
        assertEquals(List.of("with granularity nm 2:4 the final sparsity must be 0.5 (1 - 2/4), found '0.9'"),
                messages(session.check("schedule agp;", "b")));
        assertEquals(Outcome.OK, session.evaluate("granularity unstructured;", "c").outcome());
        assertEquals(List.of(), messages(session.check("schedule agp;", "d")));
    }

    @Test
    void anInputWithErrorsLeavesNothingForTheNext() {
        Session session = new Session(new SessionConfig(dir, dir, false), SessionListener.SILENT);
        Evaluation failed = session.evaluate("schedule cubic to 0.9; granularity nm 2:4;", "a");
        assertEquals(List.of("nm 2:4 needs a final sparsity of 0.5 (1 - 2/4), but the schedule prunes to 0.9"),
                messages(failed));
        assertEquals(List.of(), messages(session.check("granularity nm 1:4; schedule cubic to 0.75;", "b")));
    }
}
