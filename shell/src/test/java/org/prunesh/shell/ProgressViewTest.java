package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.prunesh.ops.train.TrainingProgress;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressViewTest {

    private static TrainingProgress at(String run, int epoch, long step) {
        return new TrainingProgress(run, epoch, 2, step, 100, 0.5, 0.25, -1);
    }

    @Test
    void inPlaceRedrawsAtMostOncePerIntervalAndFinishesWithTheLastSnapshot() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        InPlaceProgress view = new InPlaceProgress(new PrintWriter(text), now::get, 200, () -> 0);
        view.update(at("r", 1, 9));     // first snapshot: drawn at once
        now.set(100);
        view.update(at("r", 1, 10));    // within the interval: held
        now.set(199);
        view.update(at("r", 1, 11));    // still held
        now.set(300);
        view.update(at("r", 2, 100));   // interval passed: drawn
        now.set(350);
        view.update(at("", 2, 100));    // held, drawn by finish, shorter: padded
        view.finish();
        String s9 = "[r] epoch 1/2  step 9/100  loss 0.5000  sparsity 25.0%";
        String s100 = "[r] epoch 2/2  step 100/100  loss 0.5000  sparsity 25.0%";
        String last = "epoch 2/2  step 100/100  loss 0.5000  sparsity 25.0%";
        assertEquals("\r" + s9 + "\r" + s100 + "\r" + last + "    \n", text.toString());
    }

    @Test
    void inPlaceCutsTheLineToTheTerminalWidth() {
        StringWriter text = new StringWriter();
        InPlaceProgress view = new InPlaceProgress(new PrintWriter(text), () -> 0, 200, () -> 21);
        view.update(at("r", 1, 9));
        view.finish();
        assertEquals("\r[r] epoch 1/2  step \n", text.toString());
    }

    @Test
    void inPlaceFinishWithoutProgressPrintsNothing() {
        StringWriter text = new StringWriter();
        InPlaceProgress view = new InPlaceProgress(new PrintWriter(text), () -> 0, 200, () -> 0);
        view.finish();
        view.finish();
        assertEquals("", text.toString());
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
        InPlaceProgress view = new InPlaceProgress(new PrintWriter(text), () -> 0, 200, () -> 0);
        ShellListener listener = new ShellListener(new PrintWriter(text), view);
        listener.progress(at("r", 1, 9));
        listener.output("layer  sparsity\nfc1/W  50.0%");
        listener.output("done\n");
        listener.finish();
        assertEquals("\r[r] epoch 1/2  step 9/100  loss 0.5000  sparsity 25.0%\n"
                + "layer  sparsity\nfc1/W  50.0%\n"
                + "done\n", text.toString());
    }
}
