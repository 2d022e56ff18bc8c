package org.prunesh.interpreter.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a space or an architecture fits a model. STP's spaces are over the basic-block CIFAR
 * ResNets: three stages of (depth - 2) / 6 blocks each. The findings say which part misfits, so
 * that the caller can point at it when the space or arch is the later statement, or at the model
 * when the model is.
 */
final class ModelFit {

    /** Blocks per stage of each basic-block ResNet the language names, (depth - 2) / 6. */
    static final Map<String, Integer> BLOCKS_PER_STAGE = Map.of("resnet20", 3, "resnet32", 5, "resnet56", 9,
            "resnet110", 18);
    static final List<String> RESNETS = List.of("resnet20", "resnet32", "resnet56", "resnet110");
    static final int STAGES = 3;

    /** The part of a space or arch a finding is about. */
    enum Part {
        /** The model is no basic-block ResNet at all. */
        WHOLE,
        /** There are not as many depths as stages. */
        DEPTH_COUNT,
        /** The depth of stage {@code index} is more than the stage has. */
        DEPTH,
        /** There are not as many inner widths as blocks. */
        INNER_COUNT
    }

    /**
     * @param index for {@link Part#DEPTH} the stage (from 0); for the counts, how many entries there
     *              should be; unused for {@link Part#WHOLE}
     */
    record Misfit(Part part, int index, String message) {
    }

    private ModelFit() {
    }

    /**
     * How a space with these largest depths per stage misfits {@code model}.
     *
     * @param maxDepths the largest depth of each stage; when empty only the kind of model is checked
     */
    static List<Misfit> space(String model, List<Integer> maxDepths) {
        return misfits("space", "the space", "depth entry", "depth entries", "allows up to", model, maxDepths, -1);
    }

    /**
     * How the arch {@code name} misfits {@code model}.
     *
     * @param depths blocks kept per stage; when empty only the kind of model is checked
     * @param inner  how many inner widths it gives, or -1 for none
     */
    static List<Misfit> arch(String name, String model, List<Integer> depths, int inner) {
        return misfits("arch '" + name + "'", "arch '" + name + "'", "depth", "depths", "keeps", model, depths, inner);
    }

    private static List<Misfit> misfits(String needer, String subject, String entry, String entries, String keeps,
                                        String model, List<Integer> depths, int inner) {
        List<Misfit> out = new ArrayList<>();
        Integer perStage = BLOCKS_PER_STAGE.get(model);
        if (perStage == null) {
            String why = model.equals("resnet50") ? "is built of bottleneck blocks" : "has no stages of residual blocks";
            out.add(new Misfit(Part.WHOLE, -1, needer + " needs a basic-block ResNet (" + String.join(", ", RESNETS)
                    + "); model " + model + " " + why));
            return out;
        }
        if (depths.isEmpty()) {
            return out;
        }
        if (depths.size() != STAGES) {
            out.add(new Misfit(Part.DEPTH_COUNT, STAGES, "model " + model + " has " + STAGES + " stages, but " + subject
                    + " gives " + counted(depths.size(), entry, entries)));
            return out;
        }
        for (int s = 0; s < STAGES; s++) {
            if (depths.get(s) > perStage) {
                out.add(new Misfit(Part.DEPTH, s, "model " + model + " has " + perStage + " blocks per stage, but "
                        + subject + " " + keeps + " " + depths.get(s) + " in stage " + (s + 1)));
            }
        }
        int blocks = STAGES * perStage;
        if (inner >= 0 && inner != blocks) {
            out.add(new Misfit(Part.INNER_COUNT, blocks, "model " + model + " has " + blocks + " blocks, but " + subject
                    + " gives " + counted(inner, "inner width", "inner widths")));
        }
        return out;
    }

    /** "1 depth", "2 depths". */
    static String counted(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
