package org.prunesh.results;

import java.util.List;

/** Text columns as wide as their widest cell, two spaces apart, trailing blanks cut. */
final class Columns {

    private Columns() {
    }

    /** @param left which columns are left-aligned; the others are right-aligned */
    static void render(StringBuilder sb, List<List<String>> rows, boolean[] left) {
        int[] widths = new int[left.length];
        for (List<String> row : rows) {
            for (int i = 0; i < left.length; i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < left.length; i++) {
                if (i > 0) line.append("  ");
                line.append(String.format("%" + (left[i] ? "-" : "") + Math.max(1, widths[i]) + "s", row.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** The first {@code n} of {@code columns} left-aligned. */
    static boolean[] leftFirst(int n, int columns) {
        boolean[] left = new boolean[columns];
        for (int i = 0; i < n; i++) left[i] = true;
        return left;
    }
}
