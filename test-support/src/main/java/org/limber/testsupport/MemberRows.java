package org.limber.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Where a service's database still holds a member's id: every text, character, JSON and array column
 * of every table of the service's schema (from information_schema, so a table added later is scanned
 * too), each searched for the id anywhere in its text. The answer maps {@code table.column} to the
 * number of rows holding the id; empty when none does.
 */
public final class MemberRows {

    private static final String COLUMNS = "select c.table_name, c.column_name from information_schema.columns c"
            + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
            + " where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
            + " and c.table_name <> 'flyway_schema_history'"
            + " and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')"
            + " or c.data_type = 'ARRAY') order by 1, 2";

    private MemberRows() {}

    /** Every table.column holding the id, with the number of rows. */
    public static Map<String, Long> holding(DataSource dataSource, String memberId) {
        Map<String, Long> found = new TreeMap<>();
        try (Connection db = dataSource.getConnection()) {
            for (String[] column : columns(db)) {
                String sql =
                        "select count(*) from \"" + column[0] + "\" where strpos(\"" + column[1] + "\"::text, ?) > 0";
                try (PreparedStatement count = db.prepareStatement(sql)) {
                    count.setString(1, memberId);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.put(column[0] + "." + column[1], rows.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The tables (names only) holding the id. */
    public static List<String> tables(DataSource dataSource, String memberId) {
        return holding(dataSource, memberId).keySet().stream()
                .map(k -> k.substring(0, k.indexOf('.')))
                .distinct()
                .toList();
    }

    private static List<String[]> columns(Connection db) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(COLUMNS);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return columns;
    }
}
