package org.prunesh.interpreter.exec;

import org.prunesh.ops.data.DataSpec;
import org.prunesh.ops.data.Dataset;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the most recently used data sets in memory so that runs of a sweep don't reload them. */
final class DataCache {

    private static final int CAPACITY = 2;

    private final Map<DataSpec, Dataset> cache = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DataSpec, Dataset> eldest) {
            return size() > CAPACITY;
        }
    };

    Dataset load(DataSpec spec) throws IOException {
        Dataset d = cache.get(spec);
        if (d == null) {
            d = spec.load();
            cache.put(spec, d);
        }
        return d;
    }
}
