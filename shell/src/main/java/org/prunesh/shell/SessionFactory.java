package org.prunesh.shell;

import org.prunesh.interpreter.Session;
import org.prunesh.interpreter.SessionConfig;
import org.prunesh.interpreter.SessionListener;

/** How the shell obtains a Session; {@code Session::new} outside tests. */
@FunctionalInterface
public interface SessionFactory {

    Session create(SessionConfig config, SessionListener listener);
}
