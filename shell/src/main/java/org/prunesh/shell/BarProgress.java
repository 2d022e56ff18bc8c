package org.prunesh.shell;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.prunesh.ops.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The training progress bar on a terminal, drawn by the progressbar library (me.tongfei), one bar
 * per run over its optimizer steps with epoch, loss and sparsity beside it; the library redraws it
 * in place on its own schedule (five times a second) with speed and time left. Runs of a sweep get
 * a bar each.
 */
public final class BarProgress implements ProgressView {

    static final int UPDATE_MILLIS = 200;

    private final PrintWriter out;
    private final IntSupplier columns;
    private ProgressBar bar;
    private String run;

    /** @param columns the terminal's width, or 0 when unknown (then 140) */
    public BarProgress(PrintWriter out, IntSupplier columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public synchronized void update(TrainingProgress p) {
        if (bar == null || !p.run().equals(run)) {
            finish();
            run = p.run();
            int width = columns.getAsInt() > 1 ? columns.getAsInt() - 1 : 140;
            bar = new ProgressBarBuilder()
                    .setTaskName(p.run())
                    .setInitialMax(p.totalSteps())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(UPDATE_MILLIS)
                    .setUnit(" steps", 1)
                    .setConsumer(new DelegatingProgressBarConsumer(this::draw, width))
                    .build();
        }
        bar.stepTo(p.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d loss %.4f sparsity %.1f%%", p.epoch(), p.epochs(),
                p.loss(), 100 * p.sparsity()));
    }

    private void draw(String line) {
        synchronized (out) {
            out.print('\r' + line);
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    @Override
    public synchronized void finish() {
        if (bar == null) return;
        bar.close();
        synchronized (out) {
            out.print('\n');
            out.flush();
        }
        bar = null;
        run = null;
    }
}
