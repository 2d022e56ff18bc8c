package org.prunesh.interpreter;

import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each {@code import "file.prn";} by the statements of that file, recursively, before
 * anything is checked. A path is relative to the directory of the script that imports it; a cycle
 * is reported with its chain; diagnostics inside an imported file carry that file's name, and the
 * texts of all files read are kept so that every diagnostic can show its source line.
 */
public final class Imports {

    public record Expanded(List<Stmt> statements, List<Diagnostic> diagnostics, Map<String, String> sources) {
    }

    private final ScriptParser parser;
    private final Path baseDir;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Imports(ScriptParser parser, Path baseDir) {
        this.parser = parser;
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    public static Expanded expand(ScriptParser parser, Path baseDir, String source, String sourceName) {
        Imports imports = new Imports(parser, baseDir);
        imports.sources.put(sourceName, source);
        ParseResult parsed = parser.parse(source, sourceName);
        imports.diagnostics.addAll(parsed.diagnostics());
        Path self = imports.baseDir.resolve(Path.of(sourceName).getFileName().toString()).normalize();
        List<Path> chain = new ArrayList<>(List.of(self));
        List<Stmt> out = imports.expand(parsed.script().statements(), imports.baseDir, chain);
        return new Expanded(out, imports.diagnostics, imports.sources);
    }

    private List<Stmt> expand(List<Stmt> statements, Path dir, List<Path> chain) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            if (!(s instanceof Stmt.Import imp)) {
                out.add(s);
                continue;
            }
            Path file = dir.resolve(imp.path().value()).toAbsolutePath().normalize();
            if (chain.contains(file)) {
                List<String> names = new ArrayList<>();
                for (Path p : chain.subList(chain.indexOf(file), chain.size())) names.add(shown(p));
                names.add(shown(file));
                diagnostics.add(new Diagnostic(imp.path().span(), "import cycle: " + String.join(" -> ", names)));
                continue;
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                diagnostics.add(new Diagnostic(imp.path().span(), "cannot import \"" + imp.path().value() + "\": "
                        + (Files.exists(file) ? e.getMessage() : "no such file (looked for " + file + ")")));
                continue;
            }
            String name = shown(file);
            sources.put(name, text);
            ParseResult parsed = parser.parse(text, name);
            diagnostics.addAll(parsed.diagnostics());
            List<Path> deeper = new ArrayList<>(chain);
            deeper.add(file);
            out.addAll(expand(parsed.script().statements(), file.getParent(), deeper));
        }
        return out;
    }

    /** A file as diagnostics name it: relative to the session's base directory when inside it. */
    private String shown(Path file) {
        return file.startsWith(baseDir) ? baseDir.relativize(file).toString() : file.toString();
    }
}
