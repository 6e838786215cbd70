package org.limber.engagement.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Reading nullable columns by name, and the transaction's own connection. */
final class Rows {

    private Rows() {}

    static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static List<String> strings(ResultSet r, String column) throws SQLException {
        Array array = r.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** The caller's transaction's connection (Agroal hands out the one enlisted in the transaction). */
    static Connection connection(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("database statement failed", e);
    }
}
