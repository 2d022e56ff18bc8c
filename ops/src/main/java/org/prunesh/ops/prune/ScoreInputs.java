package org.prunesh.ops.prune;

/** The input checks shared by the scores, with messages naming the score and the tensor. */
final class ScoreInputs {

    /** For {@link Score#compute}: the gradient of the pruning step's mini-batch. */
    static final String AT_PRUNING = "none was computed for this pruning step";

    /** For {@link Score#observe}: the gradient of the step being observed. */
    static final String AT_STEP = "none was given for this step";

    private ScoreInputs() {
    }

    /** The tensor's gradients, which must be present and one per weight. */
    static float[] gradients(Score score, TensorState t, String missing) {
        float[] g = t.gradients();
        if (g == null) {
            throw new IllegalStateException("score '" + score.describe() + "' needs the loss gradient of tensor '"
                    + t.name() + "', but " + missing);
        }
        if (g.length != t.size()) {
            throw new IllegalArgumentException("tensor '" + t.name() + "' has " + t.size() + " weights but "
                    + g.length + " gradients");
        }
        return g;
    }

    /** The state kept for a tensor must have its size: one name, one tensor, for a whole run. */
    static void requireSameSize(Score score, TensorState t, int kept) {
        if (kept != t.size()) {
            throw new IllegalArgumentException("score '" + score.describe() + "' holds state for " + kept
                    + " weights of tensor '" + t.name() + "', which now has " + t.size());
        }
    }

    /** The error for a stateful score asked to rank a tensor before observing any step of it. */
    static IllegalStateException unobserved(Score score, TensorState t, String why) {
        return new IllegalStateException("score '" + score.describe() + "' has observed no training step of tensor '"
                + t.name() + "' yet: " + why);
    }

    static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }

    static float[] narrow(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }
}
