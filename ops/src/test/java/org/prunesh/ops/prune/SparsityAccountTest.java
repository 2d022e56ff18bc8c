package org.prunesh.ops.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparsityAccountTest {

    @Test
    void countsPerTensorOverPrunableAndOverAll() {
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        masks.put("conv1/W", new boolean[] {true, false, false, true});                   // 2 of 4 active
        masks.put("fc1/W", new boolean[] {false, false, false, true, false, true});       // 2 of 6 active
        SparsityAccount account = SparsityAccount.of(masks);

        assertEquals(List.of(new TensorSparsity("conv1/W", 4, 2), new TensorSparsity("fc1/W", 6, 2)),
                account.tensors());
        assertEquals(0.5, account.tensor("conv1/W").orElseThrow().sparsity(), 0.0);
        assertEquals(4, account.tensor("fc1/W").orElseThrow().pruned());

        TensorSparsity prunable = account.prunable();
        assertEquals(new TensorSparsity("prunable", 10, 4), prunable);
        assertEquals(0.6, prunable.sparsity(), 0.0);                                    // 6 / 10
        // 10 biases and norm parameters, all active: 6 pruned of 20.
        TensorSparsity all = account.overAll(10);
        assertEquals(new TensorSparsity("all", 20, 14), all);
        assertEquals(0.3, all.sparsity(), 0.0);
        assertEquals(0.7, all.density(), 0.0);
        assertEquals(account.prunable().total(), account.overAll(0).total());
    }

    @Test
    void fromTensorStatesAndEdgeCases() {
        TensorState t = new TensorState("w", new long[] {3}, new float[3], null, new boolean[] {false, true, true});
        SparsityAccount account = SparsityAccount.ofTensors(List.of(t));
        assertEquals(List.of(new TensorSparsity("w", 3, 2)), account.tensors());
        assertEquals(0.0, new SparsityAccount(List.of()).prunable().sparsity(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> account.overAll(-1));
        assertThrows(IllegalArgumentException.class, () -> new TensorSparsity("x", 2, 3));
    }
}
