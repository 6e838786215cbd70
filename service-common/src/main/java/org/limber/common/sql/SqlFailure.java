package org.limber.common.sql;

import java.sql.SQLException;

/**
 * A failed SQL statement, unchecked: repositories wrap their {@link SQLException}s in it, so that
 * services and resources declare none. The SQL state stays reachable through {@link #getCause()}
 * (a passing fault is still recognised as one by the event intake's retry rule).
 */
public class SqlFailure extends RuntimeException {

    public SqlFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
