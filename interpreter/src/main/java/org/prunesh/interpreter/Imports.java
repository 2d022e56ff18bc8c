package org.prunesh.interpreter;

import org.prunesh.interpreter.ast.Stmt;
import org.prunesh.interpreter.diag.Diagnostic;
import org.prunesh.interpreter.syntax.ParseResult;
import org.prunesh.interpreter.syntax.ScriptParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * texts of all files read are kept so that every diagnostic can show its source line. Only
 * {@code .prn} files are read, and a file that is not a script (binary, or nothing in it parses) is
 * reported by name without quoting its content.
 */
public final class Imports {

    private static final String SUFFIX = ".prn";
    private static final Charset UTF8 = StandardCharsets.UTF_8;

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
            String refused = refusal(file);
            if (refused != null) {
                diagnostics.add(new Diagnostic(imp.path().span(), "cannot import \"" + imp.path().value() + "\": " + refused));
                continue;
            }
            String text;
            try {
                text = UTF8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException e) {
                diagnostics.add(new Diagnostic(imp.path().span(), "cannot import \"" + imp.path().value()
                        + "\": it is not a prune-sh script (not UTF-8 text)"));
                continue;
            } catch (IOException e) {
                diagnostics.add(new Diagnostic(imp.path().span(), "cannot import \"" + imp.path().value() + "\": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                continue;
            }
            if (!looksLikeText(text)) {
                diagnostics.add(new Diagnostic(imp.path().span(), "cannot import \"" + imp.path().value()
                        + "\": it is not a prune-sh script (it holds control characters)"));
                continue;
            }
            String name = shown(file);
            ParseResult parsed = parser.parse(text, name);
            if (parsed.hasErrors() && parsed.script().statements().isEmpty()) {
                // Nothing in it parses: most likely not a script at all. Its errors would quote its
                // text, so the file is named but its content is not shown.
                diagnostics.add(new Diagnostic(imp.path().span(), "cannot import \"" + imp.path().value()
                        + "\": it is not a prune-sh script (no statement in it parses; 'prune-sh check "
                        + name + "' shows why)"));
                continue;
            }
            sources.put(name, text);
            diagnostics.addAll(parsed.diagnostics());
            List<Path> deeper = new ArrayList<>(chain);
            deeper.add(file);
            out.addAll(expand(parsed.script().statements(), file.getParent(), deeper));
        }
        return out;
    }

    /**
     * Why a path may not be imported without reading it, or null: only {@code .prn} files are, so a
     * shared script cannot make the shell read (and quote) an arbitrary file.
     */
    private static String refusal(Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(SUFFIX)) return "only " + SUFFIX + " scripts can be imported";
        if (!Files.exists(file)) return "no such file (looked for " + file + ")";
        if (!Files.isRegularFile(file)) return "not a regular file";
        return null;
    }

    /** Script text has no control characters other than tab, line feed, form feed and carriage return. */
    private static boolean looksLikeText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) return false;
        }
        return true;
    }

    /** A file as diagnostics name it: relative to the session's base directory when inside it. */
    private String shown(Path file) {
        return file.startsWith(baseDir) ? baseDir.relativize(file).toString() : file.toString();
    }
}
