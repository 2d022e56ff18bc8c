package org.prunesh.ops.run;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.util.Arrays;
import java.util.List;

/**
 * The names a sealed spec's kinds go by, read from its {@code @JsonSubTypes}: the one list that
 * both config.json and the script language use (a schedule {@code cubic}, a decay {@code cosine}).
 */
public final class JsonKinds {

    private JsonKinds() {
    }

    /** The kinds' names in declaration order; empty for a type without {@code @JsonSubTypes}. */
    public static List<String> of(Class<?> type) {
        JsonSubTypes kinds = type.getAnnotation(JsonSubTypes.class);
        return kinds == null ? List.of() : Arrays.stream(kinds.value()).map(JsonSubTypes.Type::name).toList();
    }
}
