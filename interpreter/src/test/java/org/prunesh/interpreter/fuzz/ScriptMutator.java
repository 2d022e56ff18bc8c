package org.prunesh.interpreter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed scripts from well-formed ones, reproducibly: script i of seed s is always the same. Each
 * script is a seed script (or a splice of two) with one to four mutations: token deletions, swaps and
 * duplications, truncation, odd and huge numbers, control and non-ASCII characters, very long lines,
 * deep nesting, and imports of other files (cycles, self-imports, missing files, non-scripts).
 */
final class ScriptMutator {

    /** Words, numbers, strings, comments, runs of blanks, or any single character. */
    private static final Pattern TOKEN = Pattern.compile(
            "\"[^\"\\n]*\"?|#[^\\n]*|[A-Za-z_][A-Za-z0-9_\\-]*|[0-9][0-9.eE+\\-_%]*|\\s+|.", Pattern.DOTALL);

    private static final String[] NUMBERS = {"0", "-0", "1e308", "1e309", "-1e309", "1e-400", "4.9e-324",
            "99999999999999999999999999", "-2147483649", "9223372036854775808", "0x1F", "1_000", ".5", "5.", "1e",
            "1e+", "--3", "+7", "NaN", "Infinity", "-Infinity", "0.0000000000000000000001", "1.5e10", "100%", "101%",
            "-5%", "0%", "3 steps", "0 epochs", "1e400 epochs", "2:4", "0:0", "9:3", "1/3", "07", "0.9.9"};

    private static final String[] ODD_TEXT = {"\u0000", "\u0007", "\u001b[31m", "\r", "\r\n", "\u007f", "\u000b",
            "\f", "\t", "é", "ß", "中文", "😀", "\u200b", "\u200f", "\ufeff", "\ud800", "\udfff", "Ω≈ç√", "\u0301",
            "\\", "\\\"", "\"", "'", "`", "$", "{", "}", "[", "]", "(", ")", ";;", ",", ":", "=", "..", "/*", "*/", "//"};

    private static final String[] WORDS = {"seed", "data", "model", "train", "schedule", "select", "scope",
            "granularity", "exclude", "regrow", "init", "let", "import", "run", "evaluate", "show", "report", "sweep",
            "prune", "export", "save", "load", "then", "ratio", "pool", "anneal", "cosine", "to", "from", "in", "by",
            "every", "steps", "epochs", "epoch", "magnitude", "gradient", "taylor", "mlp", "lenet5", "resnet20",
            "synthetic", "global", "layerwise", "erk", "nm", "channel", "stp", "budget", "search", "method", "x"};

    private final List<String> seeds;
    private final List<String> imports;

    /**
     * @param seeds   well-formed scripts to start from
     * @param imports import statements a mutation may insert (paths prepared by the caller)
     */
    ScriptMutator(List<String> seeds, List<String> imports) {
        this.seeds = List.copyOf(seeds);
        this.imports = List.copyOf(imports);
    }

    /** Script {@code index} of the run seeded by {@code seed}. */
    String script(long seed, int index) {
        Random rnd = new Random(seed * 1_000_003L + index);
        List<String> tokens = tokens(seeds.get(rnd.nextInt(seeds.size())));
        if (rnd.nextInt(8) == 0) {
            List<String> other = tokens(seeds.get(rnd.nextInt(seeds.size())));
            int cut = rnd.nextInt(tokens.size() + 1);
            tokens = new ArrayList<>(tokens.subList(0, cut));
            tokens.addAll(other.subList(rnd.nextInt(other.size() + 1), other.size()));
        }
        int mutations = 1 + rnd.nextInt(4);
        for (int m = 0; m < mutations; m++) mutate(tokens, rnd);
        return String.join("", tokens);
    }

    private void mutate(List<String> t, Random rnd) {
        if (t.isEmpty()) t.add(";");
        int at = rnd.nextInt(t.size());
        switch (rnd.nextInt(12)) {
            case 0 -> t.remove(at);
            case 1 -> {
                int other = rnd.nextInt(t.size());
                String a = t.get(at);
                t.set(at, t.get(other));
                t.set(other, a);
            }
            case 2 -> {
                int end = Math.min(t.size(), at + 1 + rnd.nextInt(6));
                t.addAll(at, new ArrayList<>(t.subList(at, end)));
            }
            case 3 -> {
                String text = String.join("", t);
                t.clear();
                t.add(text.substring(0, rnd.nextInt(text.length() + 1)));
            }
            case 4 -> t.set(numberIndex(t, rnd, at), NUMBERS[rnd.nextInt(NUMBERS.length)]);
            case 5 -> t.add(at, ODD_TEXT[rnd.nextInt(ODD_TEXT.length)]);
            case 6 -> t.add(at, longText(rnd));
            case 7 -> nest(t, at, rnd);
            case 8 -> t.add(lineStart(t, at), imports.get(rnd.nextInt(imports.size())) + "\n");
            case 9 -> t.set(at, WORDS[rnd.nextInt(WORDS.length)]);
            case 10 -> t.add(at, randomChars(rnd));
            default -> t.add(at, " " + WORDS[rnd.nextInt(WORDS.length)] + " ");
        }
    }

    /** A number token near {@code at} if there is one, else {@code at}. */
    private static int numberIndex(List<String> t, Random rnd, int at) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) if (!t.get(i).isEmpty() && Character.isDigit(t.get(i).charAt(0))) numbers.add(i);
        return numbers.isEmpty() ? at : numbers.get(rnd.nextInt(numbers.size()));
    }

    private static int lineStart(List<String> t, int at) {
        while (at > 0 && !t.get(at - 1).contains("\n")) at--;
        return at;
    }

    /** A very long line: one token repeated, a long name, a long string or a long list. */
    private static String longText(Random rnd) {
        int n = 2_000 + rnd.nextInt(60_000);
        return switch (rnd.nextInt(4)) {
            case 0 -> "a".repeat(n);
            case 1 -> "\"" + "x".repeat(n) + "\"";
            case 2 -> "[" + "1, ".repeat(n / 3) + "1]";
            default -> "seed 1; ".repeat(n / 8);
        };
    }

    /** Deep nesting: brackets, parentheses, braces or sweeps inside sweeps, up to thousands deep. */
    private static void nest(List<String> t, int at, Random rnd) {
        int depth = 10 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5_000);
        String[] pair = switch (rnd.nextInt(4)) {
            case 0 -> new String[] {"[", "]"};
            case 1 -> new String[] {"(", ")"};
            case 2 -> new String[] {"{", "}"};
            default -> new String[] {"sweep v in [a] { ", " }"};
        };
        boolean closed = rnd.nextBoolean();
        t.add(at, pair[0].repeat(depth));
        if (closed) t.add(Math.min(t.size(), at + 2), pair[1].repeat(depth));
    }

    private static String randomChars(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(5) == 0 ? rnd.nextInt(0x3000) : 0x20 + rnd.nextInt(0x5f);
            sb.append((char) c);
        }
        return sb.toString();
    }

    static List<String> tokens(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(script);
        while (m.find()) out.add(m.group());
        return out;
    }
}
