package org.prunesh.ops.stp;

/**
 * How channels are ranked within a group: {@code L1} sums |w| of the producers' filters
 * (convolution and dense weights along the output channel), {@code BN} sums |gamma| of the
 * producers' batch norms.
 */
public enum Importance { L1, BN }
