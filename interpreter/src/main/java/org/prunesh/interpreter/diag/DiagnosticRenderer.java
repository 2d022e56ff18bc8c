package org.prunesh.interpreter.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics the way compilers do: {@code file:line:col: error: message}, the source
 * line, and a caret line with {@code ^} under the column and {@code ~} under the rest of the span.
 * Diagnostics are sorted by source, line and column.
 */
public final class DiagnosticRenderer {

    private static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparing((Diagnostic d) -> String.valueOf(d.span().source()))
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column());

    private DiagnosticRenderer() {
    }

    /**
     * @param sourcesByName the text of each source, by the name its spans carry; a diagnostic
     *                      whose source or line is not there gets its first line only
     * @return one block per diagnostic, each line ending in a newline; empty for no diagnostics
     */
    public static String render(List<Diagnostic> diagnostics, Map<String, String> sourcesByName) {
        StringBuilder out = new StringBuilder();
        diagnostics.stream().sorted(BY_POSITION).forEach(d -> render(d, sourcesByName.get(d.span().source()), out));
        return out.toString();
    }

    /** Renders diagnostics that all come from one source. */
    public static String render(List<Diagnostic> diagnostics, String sourceName, String source) {
        return render(diagnostics, Map.of(sourceName, source));
    }

    private static void render(Diagnostic d, String source, StringBuilder out) {
        Span span = d.span();
        out.append(span.source()).append(':').append(span.line()).append(':').append(span.column())
                .append(": error: ").append(d.message()).append('\n');
        String line = source == null ? null : line(source, span.line());
        if (line == null) {
            return;
        }
        out.append(line).append('\n').append(caret(line, span)).append('\n');
    }

    /** The 1-based {@code number}th line without its terminator, or null when there is none. */
    private static String line(String source, int number) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        return number >= 1 && number <= lines.length ? lines[number - 1] : null;
    }

    /**
     * Columns count code points, as the parser does; tabs before the column are copied so the
     * caret lines up however the terminal expands them. The span is cut at the end of the line.
     */
    private static String caret(String line, Span span) {
        int[] points = line.codePoints().toArray();
        StringBuilder caret = new StringBuilder();
        int start = span.column() - 1;
        for (int i = 0; i < start; i++) {
            caret.append(i < points.length && points[i] == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        int end = Math.min(start + span.length(), points.length);
        for (int i = start + 1; i < end; i++) {
            caret.append('~');
        }
        return caret.toString();
    }
}
