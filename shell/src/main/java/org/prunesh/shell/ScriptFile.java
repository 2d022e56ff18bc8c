package org.prunesh.shell;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A script read from disk.
 *
 * @param name the path as the user gave it: what diagnostics print before {@code :line:col}
 * @param path the file, absolute
 * @param text its contents
 */
public record ScriptFile(String name, Path path, String text) {

    /** A script that cannot be read; the message says which file and why. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code given} as {@link #read(String)} does, or says on {@code err} why it cannot
     * ({@code prune-sh: cannot read ...}) and returns null: what every command does with a script argument.
     */
    static ScriptFile readOrSay(String given, java.io.PrintWriter err) {
        try {
            return read(given);
        } catch (Unreadable e) {
            err.println("prune-sh: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** Reads {@code given} (relative paths against the working directory) as UTF-8. */
    public static ScriptFile read(String given) throws Unreadable {
        return read(given, Path.of("").toAbsolutePath());
    }

    /** Reads {@code given}, resolving a relative path against {@code dir}, as UTF-8. */
    public static ScriptFile read(String given, Path dir) throws Unreadable {
        Path path;
        try {
            path = dir.resolve(given).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new Unreadable("cannot read " + given + ": not a valid path");
        }
        if (Files.isDirectory(path)) {
            throw new Unreadable("cannot read " + given + ": is a directory");
        }
        try {
            return new ScriptFile(given, path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new Unreadable("cannot read " + given + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot read " + given + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new Unreadable("cannot read " + given + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + given + ": " + e.getMessage());
        }
    }
}
