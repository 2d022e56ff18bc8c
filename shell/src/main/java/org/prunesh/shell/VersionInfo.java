package org.prunesh.shell;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven built, from a filtered resource; answers {@code prune-sh --version}. */
public final class VersionInfo implements CommandLine.IVersionProvider {

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the shell's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        // Unfiltered (classes compiled outside Maven): say so rather than print a placeholder.
        return version.isBlank() || version.contains("${") ? "(development build)" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "prune-sh " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
