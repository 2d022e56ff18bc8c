package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes SameDiff rebuild our op classes, not its own, when it copies a graph. Building the
 * gradient function copies every op by serialising it and instantiating the class registered
 * for the native op's hash (M2.1, {@code FlatBuffersMapper.cloneViaSerialize}); a subclass
 * with a repaired {@code doDiff} is silently replaced by the stock class unless it is the
 * registered one. Registration is per JVM and only ever swaps in a subclass that computes the
 * same forward op, so graphs that use the stock classes are unaffected in value.
 */
final class OpReplacements {

    private OpReplacements() {
    }

    static synchronized void register(String nativeOpName, Class<? extends DifferentialFunction> replacement) {
        CustomOpDescriptor descriptor = Nd4j.getExecutioner().getCustomOperations().get(nativeOpName);
        if (descriptor == null) {
            throw new IllegalStateException("the ND4J backend has no native op " + nativeOpName);
        }
        hashToClass().put(descriptor.getHash(), replacement);
    }

    /**
     * Registers an op with no native counterpart ({@link JavaKernel}) so that copies of a graph
     * rebuild it: SameDiff serialises a custom op unknown to the backend with hash 0 and its name.
     */
    static synchronized void registerKernel(String name, Class<? extends DifferentialFunction> kernel) {
        if (Nd4j.getExecutioner().getCustomOperations().containsKey(name)) {
            throw new IllegalStateException("kernel name " + name + " is a native op's");
        }
        OpReplacements.<Map<String, Class<?>>>registry("customOpHashToClasses").computeIfAbsent(0L, h -> new HashMap<>())
                .put(name, kernel);
    }

    private static Map<Long, Class<?>> hashToClass() {
        return registry("customOpHashToClass");
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<Long, V> registry(String field) {
        try {
            Field f = DifferentialFunctionClassHolder.class.getDeclaredField(field);
            f.setAccessible(true);
            return (Map<Long, V>) f.get(DifferentialFunctionClassHolder.getInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this ND4J version keeps its op registry elsewhere; "
                    + "op replacements need updating for it", e);
        }
    }
}
