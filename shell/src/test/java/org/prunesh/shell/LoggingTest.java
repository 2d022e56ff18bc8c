package org.prunesh.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoggingTest {

    private static final List<String> KEYS = List.of(
            "org.bytedeco.javacpp.logger",
            Logging.DEFAULT_LEVEL,
            Logging.LOG_PREFIX + "org.nd4j",
            Logging.LOG_PREFIX + "org.bytedeco",
            Logging.LOG_PREFIX + "org.deeplearning4j");

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clear() {
        for (String key : KEYS) {
            saved.put(key, System.getProperty(key));
            System.clearProperty(key);
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void quietKeepsTheBackendToErrorsAndRoutesJavaCppThroughSlf4j() {
        System.setProperty(Logging.LOG_PREFIX + "org.bytedeco", "debug");   // the user's own choice stays
        Logging.configure(false);
        assertEquals("slf4j", System.getProperty("org.bytedeco.javacpp.logger"));
        assertEquals("warn", System.getProperty(Logging.DEFAULT_LEVEL));
        assertEquals("error", System.getProperty(Logging.LOG_PREFIX + "org.nd4j"));
        assertEquals("debug", System.getProperty(Logging.LOG_PREFIX + "org.bytedeco"));
        assertEquals("error", System.getProperty(Logging.LOG_PREFIX + "org.deeplearning4j"));
    }

    @Test
    void verboseLetsInfoThrough() {
        Logging.configure(true);
        assertEquals("info", System.getProperty(Logging.DEFAULT_LEVEL));
        assertEquals("info", System.getProperty(Logging.LOG_PREFIX + "org.nd4j"));
        assertEquals("info", System.getProperty(Logging.LOG_PREFIX + "org.bytedeco"));
    }
}
