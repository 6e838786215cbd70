package org.limber.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The one way to bind Java values as PostgreSQL arrays: one list, or columns of equal length for
 * an {@code unnest(?, ?, ...)} insert of many rows in one statement.
 */
public final class SqlArrays {

    private SqlArrays() {}

    /** Binds {@code values} as an array of {@code sqlType} (e.g. "text", "uuid") at {@code index}; null binds SQL null. */
    public static void bind(PreparedStatement statement, int index, String sqlType, Collection<?> values)
            throws SQLException {
        statement.setArray(
                index, values == null ? null : statement.getConnection().createArrayOf(sqlType, values.toArray()));
    }

    /** Binds {@code values} as an array of {@code sqlType} at {@code index}. */
    public static void bind(PreparedStatement statement, int index, String sqlType, Object[] values)
            throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf(sqlType, values));
    }

    /** Binds each column as an array of its type, from parameter 1 on ({@code unnest} inserts). */
    public static void bindColumns(PreparedStatement statement, String[] sqlTypes, Object[][] columns)
            throws SQLException {
        bindColumns(statement, 1, sqlTypes, columns);
    }

    /** Binds each column as an array of its type, from parameter {@code first} on. */
    public static void bindColumns(PreparedStatement statement, int first, String[] sqlTypes, Object[][] columns)
            throws SQLException {
        if (sqlTypes.length != columns.length) {
            throw new IllegalArgumentException(sqlTypes.length + " types for " + columns.length + " columns");
        }
        Connection db = statement.getConnection();
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(first + c, db.createArrayOf(sqlTypes[c], columns[c]));
        }
    }
}
