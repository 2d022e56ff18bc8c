package org.prunesh.ops.model;

/**
 * A network built for stimulative training: every batch-norm layer scales its gamma and beta by a
 * per-channel mask constant (all ones by default), so zeroing mask entries removes channels and
 * zeroing a block's last mask removes the block (its residual output becomes the identity, since
 * every block input is already post-ReLU). Branch 0 is the network itself; branches 1..subnets
 * are copies of its forward pass over the same weights and the same input, each with masks of its
 * own, trained towards the detached full logits with
 * {@code lambda * T^2 * KL(softmax(z_full/T) || softmax(z_sub/T))}.
 *
 * @param subnets branches besides the full network (0: masks only, for search and extraction)
 */
public record Slimming(int subnets, double lambda, double temperature) {

    public static final String CROSS_ENTROPY = "loss.ce";

    public Slimming {
        if (subnets < 0) throw new IllegalArgumentException("subnets must be >= 0, not " + subnets);
        if (subnets > 0 && !(lambda > 0 && temperature > 0)) {
            throw new IllegalArgumentException("lambda and temperature must be positive");
        }
    }

    /** Masks only: the network searched and extracted from, no training branches. */
    public static Slimming masksOnly() {
        return new Slimming(0, 0, 1);
    }

    /** The name prefix of branch {@code k}'s ops and constants. */
    public static String prefix(int branch) {
        return branch == 0 ? "" : "sub" + branch + "/";
    }

    /** The channel-mask constant of batch-norm layer {@code bnLayer} in branch {@code branch}. */
    public static String maskName(int branch, String bnLayer) {
        return prefix(branch) + bnLayer + ".channel_mask";
    }

    /** The logits of branch {@code k} ({@link Network#LOGITS} for the full network). */
    public static String logitsName(int branch) {
        return branch == 0 ? Network.LOGITS : prefix(branch) + Network.LOGITS;
    }

    /** The KD term of branch {@code k} in the training loss. */
    public static String distillName(int branch) {
        return prefix(branch) + "loss.kd";
    }
}
