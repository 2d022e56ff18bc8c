package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.train.TrainingProgress;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressViewTest {

    private static TrainingProgress at(String run, int epoch, long step) {
        return new TrainingProgress(run, epoch, 2, step, 100, 0.5, 0.25, -1);
    }

    @Test
    void barShowsEachRunsStepsEpochLossAndSparsityAndEndsItsLine() {
        StringWriter text = new StringWriter();
        BarProgress view = new BarProgress(new PrintWriter(text), () -> 120);
        view.update(at("a", 1, 10));
        view.update(at("a", 2, 100));
        view.update(at("b", 1, 40));       // the next run of a sweep gets its own bar
        view.finish();
        view.finish();
        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text.toString());
        String a = lines[0].substring(lines[0].lastIndexOf('\r') + 1);
        String b = lines[1].substring(lines[1].lastIndexOf('\r') + 1);
        assertTrue(a.startsWith("a 100%"), a);
        assertTrue(a.contains("100/100 steps"), a);
        assertTrue(a.endsWith("epoch 2/2 loss 0.5000 sparsity 25.0%"), a);
        assertTrue(b.startsWith("b  40%"), b);
        assertTrue(b.contains("40/100 steps"), b);
        assertTrue(a.length() <= 119 && b.length() <= 119, a + "\n" + b);
    }

    @Test
    void epochViewPrintsTheLastSnapshotOfEachEpochOnItsOwnLine() {
        StringWriter text = new StringWriter();
        EpochProgress view = new EpochProgress(new PrintWriter(text));
        view.update(at("a", 1, 10));
        view.update(at("a", 1, 50));
        view.update(at("a", 2, 60));
        view.update(at("a", 2, 100));
        view.update(at("b", 2, 100));   // a new run at the same epoch number
        view.finish();
        view.finish();
        String nl = System.lineSeparator();
        assertEquals("[a] epoch 1/2  step 50/100  loss 0.5000  sparsity 25.0%" + nl
                + "[a] epoch 2/2  step 100/100  loss 0.5000  sparsity 25.0%" + nl
                + "[b] epoch 2/2  step 100/100  loss 0.5000  sparsity 25.0%" + nl, text.toString());
    }

    @Test
    void listenerEndsTheProgressLineBeforeAnOutputBlock() {
        StringWriter text = new StringWriter();
        BarProgress view = new BarProgress(new PrintWriter(text), () -> 120);
        ShellListener listener = new ShellListener(new PrintWriter(text), view);
        listener.progress(at("r", 1, 9));
        listener.output("layer  sparsity\nfc1/W  50.0%");
        listener.output("done\n");
        listener.finish();
        String out = text.toString();
        assertTrue(out.startsWith("\r"), out);
        assertTrue(out.endsWith("epoch 1/2 loss 0.5000 sparsity 25.0%\nlayer  sparsity\nfc1/W  50.0%\ndone\n"), out);
    }
}
