package org.limber.common.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.limber.common.sql.SqlFailure;

/** Runs a service's erasure statements (each with the member id as its every {@code ?}) in the caller's transaction. */
public final class ErasureStatements {

    private ErasureStatements() {}

    /** Runs the statements in order; returns the rows each changed, by its name. */
    public static Map<String, Integer> run(DataSource dataSource, Map<String, String> statements, String memberId) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection()) {
            for (Map.Entry<String, String> statement : statements.entrySet()) {
                try (PreparedStatement run = db.prepareStatement(statement.getValue())) {
                    int parameters = run.getParameterMetaData().getParameterCount();
                    for (int i = 1; i <= parameters; i++) {
                        run.setString(i, memberId);
                    }
                    changed.put(statement.getKey(), run.executeUpdate());
                }
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        return changed;
    }
}
