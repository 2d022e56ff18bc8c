package org.prunesh.shell;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Completes the word under the cursor from the language's keywords, the names the session has
 * defined so far, and (at the start of a line) the colon commands; the argument of a command that
 * takes a file is completed by a file-name completer.
 */
public final class NameCompleter implements Completer {

    private final Supplier<? extends Collection<String>> keywords;
    private final Supplier<? extends Collection<String>> definedNames;
    private final Collection<String> commands;
    private final Collection<String> fileCommands;
    private final Completer files;

    /**
     * @param fileCommands the commands whose argument is a file, completed by {@code files}
     */
    public NameCompleter(Supplier<? extends Collection<String>> keywords,
                         Supplier<? extends Collection<String>> definedNames,
                         Collection<String> commands, Collection<String> fileCommands, Completer files) {
        this.keywords = keywords;
        this.definedNames = definedNames;
        this.commands = List.copyOf(commands);
        this.fileCommands = List.copyOf(fileCommands);
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 1 && fileCommands.contains(line.words().get(0))) {
            files.complete(reader, line, candidates);
            return;
        }
        String prefix = line.word().substring(0, line.wordCursor());
        for (String value : matches(line.wordIndex() == 0, prefix)) {
            candidates.add(new Candidate(value));
        }
    }

    /** The completions of {@code prefix}, sorted; colon commands only for the first word. */
    public TreeSet<String> matches(boolean firstWord, String prefix) {
        TreeSet<String> found = new TreeSet<>();
        if (firstWord && prefix.startsWith(":")) {
            addMatching(commands, prefix, found);
            return found;
        }
        addMatching(keywords.get(), prefix, found);
        addMatching(definedNames.get(), prefix, found);
        return found;
    }

    private static void addMatching(Collection<String> names, String prefix, TreeSet<String> into) {
        for (String name : names) {
            if (name.startsWith(prefix)) {
                into.add(name);
            }
        }
    }
}
