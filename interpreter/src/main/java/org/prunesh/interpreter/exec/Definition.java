package org.prunesh.interpreter.exec;

import org.prunesh.ops.prune.SelectionSpec;
import org.prunesh.ops.schedule.ScheduleSpec;

/** What a name bound by {@code let} (or {@code search ... as}) stands for. */
public sealed interface Definition {

    record Schedule(ScheduleSpec spec) implements Definition { }

    record Selection(SelectionSpec spec) implements Definition { }

    record Architecture(ArchValue arch) implements Definition { }

    /** Statements resolved again wherever {@code use} names them, against the settings there. */
    record Block(org.prunesh.interpreter.ast.Block block) implements Definition { }
}
