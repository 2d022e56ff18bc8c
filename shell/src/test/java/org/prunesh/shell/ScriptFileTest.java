package org.prunesh.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScriptFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheNameAsGivenAndReadsTheText() throws Exception {
        Files.createDirectories(dir.resolve("examples"));
        Files.writeString(dir.resolve("examples/a.prn"), "seed 18;\n# größe\n", StandardCharsets.UTF_8);
        ScriptFile script = ScriptFile.read("examples/../examples/a.prn", dir);
        assertEquals("examples/../examples/a.prn", script.name());
        assertEquals(dir.resolve("examples/a.prn"), script.path());
        assertEquals("seed 18;\n# größe\n", script.text());
    }

    @Test
    void saysWhyAFileCannotBeRead() throws Exception {
        assertEquals("cannot read nope.prn: no such file",
                assertThrows(ScriptFile.Unreadable.class, () -> ScriptFile.read("nope.prn", dir)).getMessage());
        Files.createDirectories(dir.resolve("sub"));
        assertEquals("cannot read sub: is a directory",
                assertThrows(ScriptFile.Unreadable.class, () -> ScriptFile.read("sub", dir)).getMessage());
        Files.write(dir.resolve("latin1.prn"), new byte[] {'s', 'e', 'e', 'd', ' ', (byte) 0xE9, ';'});
        assertEquals("cannot read latin1.prn: not UTF-8 text",
                assertThrows(ScriptFile.Unreadable.class, () -> ScriptFile.read("latin1.prn", dir)).getMessage());
    }
}
