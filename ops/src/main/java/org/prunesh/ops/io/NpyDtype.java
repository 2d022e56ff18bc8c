package org.prunesh.ops.io;

/** The NumPy element types prune-sh reads and writes, all little-endian. */
public enum NpyDtype {
    FLOAT32("<f4", 4),
    BOOL("|b1", 1),
    INT32("<i4", 4),
    INT64("<i8", 8);

    private final String descr;
    private final int itemSize;

    NpyDtype(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** The header's {@code descr} string, as {@code numpy.dtype(...).str} spells it. */
    public String descr() {
        return descr;
    }

    public int itemSize() {
        return itemSize;
    }

    /** Throws {@link IllegalArgumentException} naming what is supported for anything else. */
    public static NpyDtype fromDescr(String descr) {
        for (NpyDtype d : values()) {
            if (d.descr.equals(descr)) return d;
        }
        if (descr.startsWith(">")) {
            throw new IllegalArgumentException("big-endian data ('" + descr + "') is not supported; save it"
                    + " little-endian, e.g. numpy.save(f, a.astype(a.dtype.newbyteorder('<')))");
        }
        throw new IllegalArgumentException("unsupported dtype '" + descr + "'; supported: float32 '<f4', bool '|b1',"
                + " int32 '<i4', int64 '<i8'");
    }
}
