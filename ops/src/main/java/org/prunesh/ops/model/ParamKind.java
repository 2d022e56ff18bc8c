package org.prunesh.ops.model;

/** What a trainable tensor is; decides default exclusions and how sparsity is counted. */
public enum ParamKind { WEIGHT, BIAS, NORM }
