package org.prunesh.interpreter.resolve;

import org.prunesh.interpreter.ast.Block;
import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.exec.Definition;
import org.prunesh.interpreter.exec.Setting;
import org.prunesh.interpreter.exec.Step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code let NAME = { ... };} and {@code use NAME;}. A block is resolved where it is used, not where
 * it is defined: each statement in it goes through its own handler against the settings at the
 * {@code use}, so a finding points into the block and a block may read what the blocks used
 * before it defined (a method's block can {@code use sparse_start} that a setting's block defined).
 */
final class Blocks {

    private final Handlers h;
    /** Blocks defined in this pass, known even when their let had errors (and so is not in the planned state). */
    private final Map<String, Block> defined = new HashMap<>();
    /** The blocks being used, innermost first: a block that uses itself is reported, not expanded. */
    private final Deque<String> using = new ArrayDeque<>();

    Blocks(Handlers h) {
        this.h = h;
    }

    State let(Stmt.Let let, Block block, State st, List<Step> out) {
        String name = let.name().text();
        h.names.definable(let.name());
        for (Stmt s : block.statements()) {
            if (s instanceof Stmt.Sweep || s instanceof Stmt.Import) {
                h.problems.error(s.span(), "a block holds settings and actions, not " + (s instanceof Stmt.Sweep
                        ? "a sweep: use the block inside the sweep instead" : "an import: import at the top level"));
            }
        }
        defined.put(name, block);
        return h.set(st, let, out,
                () -> new Setting.Define(name, new Definition.Block(block)));
    }

    State use(Stmt.Use use, State st, List<Step> out) {
        String name = use.name().text();
        DefKind kind = st.kind(name);
        if (kind != DefKind.BLOCK) {
            List<String> blocks = st.defined(DefKind.BLOCK);
            String suggestion = Suggestions.nearest(name, blocks).map(s -> " (did you mean '" + s + "'?)").orElse("");
            h.problems.error(use.name().span(), (kind == null ? "unknown block '" + name + "'"
                    : "'" + name + "' is a " + kind.word() + ", not a block")
                    + "; use takes a name defined with 'let " + name + " = { ... };'"
                    + (blocks.isEmpty() ? "" : ", one of: " + String.join(", ", blocks)) + suggestion);
            return st;
        }
        Block block = defined.get(name);
        if (block == null && st.planned().definitions().get(name) instanceof Definition.Block earlier) {
            block = earlier.block();
        }
        if (block == null) return st;
        if (using.contains(name)) {
            List<String> chain = new ArrayList<>(using);
            java.util.Collections.reverse(chain);
            chain.add(name);
            h.problems.error(use.name().span(), "block '" + name + "' uses itself: " + String.join(" -> ", chain));
            return st;
        }
        using.push(name);
        try {
            State current = st;
            for (Stmt s : block.statements()) current = h.handle(s, current, out);
            return current;
        } finally {
            using.pop();
        }
    }
}
