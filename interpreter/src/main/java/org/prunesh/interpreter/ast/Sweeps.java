package org.prunesh.interpreter.ast;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Expands a sweep: the cross product of its variables' values (the first variable outermost),
 * and its body with each variable replaced by its value wherever the body uses it as a name.
 * The replacement walks the AST's records generically, so every statement form takes part and
 * every replaced name keeps the span of the variable it replaces (diagnostics point there).
 */
public final class Sweeps {

    /** The variable that sets the session seed rather than a name. */
    public static final String SEED = "seed";

    private Sweeps() {
    }

    /** Every combination, as variable name -> value, in order. */
    public static List<Map<String, Value>> combinations(Stmt.Sweep sweep) {
        List<Map<String, Value>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (SweepVar v : sweep.vars()) {
            List<Map<String, Value>> next = new ArrayList<>();
            for (Map<String, Value> partial : out) {
                for (Value value : v.values()) {
                    Map<String, Value> m = new LinkedHashMap<>(partial);
                    m.put(v.name().text(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** How a combination reads in run names: {@code method=fggp,seed=18}. */
    public static String label(Map<String, Value> combination) {
        return combination.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                .collect(Collectors.joining(","));
    }

    public static String text(Value v) {
        if (v instanceof Ident i) return i.name().text();
        if (v instanceof Num n) return n.text();
        if (v instanceof Str s) return s.value();
        throw new IllegalArgumentException("a sweep value is a name, a number or a string, not " + v);
    }

    /** The body with the combination's names substituted ({@code seed} is not a name and stays). */
    public static List<Stmt> body(Stmt.Sweep sweep, Map<String, Value> combination) {
        Map<String, String> names = new LinkedHashMap<>();
        combination.forEach((k, v) -> {
            if (!k.equals(SEED)) names.put(k, text(v));
        });
        return sweep.body().stream().map(s -> (Stmt) substitute(s, names)).toList();
    }

    private static Object substitute(Object node, Map<String, String> names) {
        if (node instanceof Name n) {
            String value = names.get(n.text());
            return value == null ? n : new Name(value, n.span());
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> substitute(item, names)).toList();
        }
        if (node == null || !node.getClass().isRecord() || node instanceof Stmt.Sweep) return node;
        RecordComponent[] components = node.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                args[i] = substitute(components[i].getAccessor().invoke(node), names);
                types[i] = components[i].getType();
            }
            Constructor<?> canonical = node.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException | InstantiationException e) {
            throw new IllegalStateException("cannot rebuild " + node.getClass().getSimpleName() + " for a sweep", e);
        }
    }
}
