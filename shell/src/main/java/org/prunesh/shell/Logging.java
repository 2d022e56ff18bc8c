package org.prunesh.shell;

import java.util.List;

/**
 * Keeps ND4J's and JavaCPP's startup chatter off the terminal. slf4j-simple reads its levels once,
 * when the first logger is made, so this must run before any ND4J class loads. System properties
 * win over simplelogger.properties, and a level the user set with -D is left alone.
 */
public final class Logging {

    static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String LOG_PREFIX = "org.slf4j.simpleLogger.log.";
    /** Loggers of the numerical backend: only errors, unless --verbose. */
    static final List<String> BACKEND = List.of("org.nd4j", "org.bytedeco", "org.deeplearning4j");

    private Logging() {
    }

    public static void configure(boolean verbose) {
        // JavaCPP prints its own "Warning:"/"Info:" lines to stderr unless told to use slf4j.
        setIfAbsent("org.bytedeco.javacpp.logger", "slf4j");
        if (verbose) {
            System.setProperty(DEFAULT_LEVEL, "info");
            for (String logger : BACKEND) {
                System.setProperty(LOG_PREFIX + logger, "info");
            }
        } else {
            setIfAbsent(DEFAULT_LEVEL, "warn");
            for (String logger : BACKEND) {
                setIfAbsent(LOG_PREFIX + logger, "error");
            }
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
