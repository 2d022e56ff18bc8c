package org.prunesh.ops.model.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * a + b for two tensors of the same shape (a residual connection), whose gradient passes dL/dy
 * on to both inputs as it is. SameDiff's add differentiates through {@code add_bp}, which allows
 * for broadcasting and so writes two full copies of the gradient. Here each input's gradient is
 * an identity of dL/dy, which SameDiff executes without copying. Adds that SameDiff copies into
 * this class but that were not built as one (see {@link OpReplacements}) keep the stock gradient.
 */
public final class ResidualAdd extends AddOp {

    static {
        OpReplacements.register(AddOp.OP_NAME, ResidualAdd.class);
    }

    private static final String SAME_SHAPE = "residualSameShape";

    /** True for adds built here; copies carry it as an op property. */
    private boolean sameShape;

    /** For SameDiff's copies. */
    public ResidualAdd() {
    }

    /** @param a, b tensors of one shape (not checked: the builder knows their static shapes) */
    public ResidualAdd(SameDiff sd, SDVariable a, SDVariable b) {
        super(sd, a, b);
        this.sameShape = true;
    }

    @Override
    public Map<String, Object> propertiesForFunction() {
        Map<String, Object> out = new LinkedHashMap<>(super.propertiesForFunction());
        out.put(SAME_SHAPE, sameShape);
        return out;
    }

    @Override
    public void setPropertiesForFunction(Map<String, Object> properties) {
        super.setPropertiesForFunction(properties);
        sameShape = Boolean.TRUE.equals(properties.get(SAME_SHAPE));
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradient) {
        if (!sameShape) return super.doDiff(gradient);
        SDVariable g = gradient.get(0);
        return List.of(sameDiff.identity(g), sameDiff.identity(g));
    }
}
