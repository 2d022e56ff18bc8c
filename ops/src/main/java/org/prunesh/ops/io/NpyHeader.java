package org.prunesh.ops.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The header dictionary of a {@code .npy} file, e.g.
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}: formatted exactly as
 * {@code numpy.save} does, and parsed from any Python literal of that dict.
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    /** NumPy leaves this many digits of room after the header so a file can grow along axis 0. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** The dict followed by NumPy's growth room, without the alignment padding and final newline. */
    String format() {
        StringBuilder s = new StringBuilder();
        s.append("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) s.append(", ");
            s.append(shape[i]);
        }
        if (shape.length == 1) s.append(',');
        s.append("), }");
        if (shape.length > 0) {
            long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
            s.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length())));
        }
        return s.toString();
    }

    /** Throws {@link IllegalArgumentException} with what was expected where the text departs from it. */
    static NpyHeader parse(String text) {
        return new Parser(text).header();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        NpyHeader header() {
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') break;
                String key = string();
                expect(':');
                switch (key) {
                    case "descr" -> descr = string();
                    case "fortran_order" -> fortran = bool();
                    case "shape" -> shape = tuple();
                    default -> throw error("unexpected key '" + key + "'; a .npy header has exactly 'descr',"
                            + " 'fortran_order' and 'shape'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            skipSpace();
            if (pos != s.length()) throw error("unexpected text after the header dict");
            if (descr == null || fortran == null || shape == null) {
                throw new IllegalArgumentException("npy header lacks " + (descr == null ? "'descr'"
                        : fortran == null ? "'fortran_order'" : "'shape'") + ": " + s.strip());
            }
            return new NpyHeader(descr, fortran, shape);
        }

        private String string() {
            skipSpace();
            char quote = peek();
            if (quote != '\'' && quote != '"') throw error("expected a quoted string");
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) throw error("unterminated string");
            String out = s.substring(pos + 1, end);
            pos = end + 1;
            return out;
        }

        private boolean bool() {
            skipSpace();
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("expected True or False");
        }

        private long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') break;
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                if (start == pos) throw error("expected a dimension (a non-negative integer)");
                dims.add(Long.parseLong(s.substring(start, pos)));
                if (pos < s.length() && s.charAt(pos) == 'L') pos++; // Python 2 long literal
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
            pos++;
            long[] out = new long[dims.size()];
            for (int i = 0; i < out.length; i++) out[i] = dims.get(i);
            return out;
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) throw error("expected '" + c + "'");
            pos++;
        }

        private char peek() {
            if (pos >= s.length()) throw error("unexpected end of header");
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed npy header at character " + (pos + 1) + ": " + what
                    + " in " + s.strip());
        }
    }
}
