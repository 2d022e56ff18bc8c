package org.prunesh.shell;

import org.prunesh.ops.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * One status line rewritten in place with a carriage return, at most once per interval so that a
 * fast training loop does not spend its time drawing.
 */
public final class InPlaceProgress implements ProgressView {

    /** About five redraws a second. */
    public static final long DEFAULT_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final IntSupplier columns;

    private TrainingProgress pending;
    private boolean drawn;
    private long lastDrawNanos;
    private int lastLength;

    /**
     * @param columns width of the terminal, or 0 when unknown; the line is cut to fit so that the
     *                carriage return lands on the same row
     */
    public InPlaceProgress(PrintWriter out, LongSupplier nanoClock, long intervalNanos, IntSupplier columns) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
        this.columns = columns;
    }

    @Override
    public synchronized void update(TrainingProgress progress) {
        pending = progress;
        long now = nanoClock.getAsLong();
        if (!drawn || now - lastDrawNanos >= intervalNanos) {
            draw(now);
        }
    }

    @Override
    public synchronized void finish() {
        if (pending != null) {
            draw(nanoClock.getAsLong());
        }
        if (drawn) {
            out.print('\n');
            out.flush();
        }
        drawn = false;
        lastLength = 0;
    }

    private void draw(long now) {
        String line = ProgressFormat.line(pending);
        int width = columns.getAsInt();
        if (width > 1 && line.length() > width - 1) {
            line = line.substring(0, width - 1);
        }
        // Blank out the tail of a longer previous line.
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        out.print('\r' + line + padding);
        out.flush();
        pending = null;
        drawn = true;
        lastDrawNanos = now;
        lastLength = line.length();
    }
}
