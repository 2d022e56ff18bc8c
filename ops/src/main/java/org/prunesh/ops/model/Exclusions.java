package org.prunesh.ops.model;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Which trainable tensors are never pruned. {@code first}/{@code last} mean the weight of the
 * first/last layer in forward order; globs match a tensor name ({@code conv1.weight}) or its
 * layer name ({@code conv1}).
 */
public record Exclusions(boolean first, boolean last, boolean bias, boolean norm, List<String> globs) {

    /** Biases and normalisation parameters are excluded unless a script says otherwise. */
    public static final Exclusions DEFAULT = new Exclusions(false, false, true, true, List.of());
    public static final Exclusions NONE = new Exclusions(false, false, false, false, List.of());

    public Exclusions {
        globs = List.copyOf(globs);
    }

    /** The tensors left to prune, in network order. */
    public List<ParamInfo> prunable(List<ParamInfo> params) {
        int firstLayer = params.stream().filter(p -> p.kind() == ParamKind.WEIGHT)
                .mapToInt(ParamInfo::layerIndex).min().orElse(-1);
        int lastLayer = params.stream().filter(p -> p.kind() == ParamKind.WEIGHT)
                .mapToInt(ParamInfo::layerIndex).max().orElse(-1);
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        List<ParamInfo> out = new ArrayList<>();
        for (ParamInfo p : params) {
            if (bias && p.kind() == ParamKind.BIAS) continue;
            if (norm && p.kind() == ParamKind.NORM) continue;
            if (first && p.kind() == ParamKind.WEIGHT && p.layerIndex() == firstLayer) continue;
            if (last && p.kind() == ParamKind.WEIGHT && p.layerIndex() == lastLayer) continue;
            if (matchers.stream().anyMatch(m -> m.matches(Path.of(p.name())) || m.matches(Path.of(p.layer())))) {
                continue;
            }
            out.add(p);
        }
        return out;
    }
}
