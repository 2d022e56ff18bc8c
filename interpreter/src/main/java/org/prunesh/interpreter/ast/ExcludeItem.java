package org.prunesh.interpreter.ast;

import org.prunesh.interpreter.diag.Span;

/** One item of {@code exclude}: a keyword such as {@code bias} ({@link Name}) or a quoted name glob ({@link Str}). */
public sealed interface ExcludeItem permits Name, Str {

    Span span();
}
