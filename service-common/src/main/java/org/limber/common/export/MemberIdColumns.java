package org.limber.common.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of a database with a column that can hold a member's id, read from information_schema: what
 * each service's export completeness test holds against its {@link ExportManifest}. A column counts when its
 * name is one that names a person in this codebase ({@link #NAMES}: member_id, member_ref, user_id,
 * author_id, message_key (the outbox's Kafka key), ...) or when it is a text primary key named {@code id} (a
 * person's own row, such as routine's {@code person}).
 */
public final class MemberIdColumns {

    /** Column names that hold (or may hold) a member's id. */
    public static final List<String> NAMES = List.of(
            "member_id",
            "member_ref",
            "user_id",
            "author_id",
            "subject",
            "sender_id",
            "recipient_id",
            "person_id",
            "patient_id",
            "message_key");

    private MemberIdColumns() {}

    /** Table name to its member-id columns, for the tables of the current schema. */
    public static Map<String, List<String>> tables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.table_name, c.column_name
                from information_schema.columns c
                join information_schema.tables t
                  on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema()
                  and t.table_type = 'BASE TABLE'
                  and (c.column_name = any(?) or (c.column_name = 'id' and c.data_type = 'text'))
                order by c.table_name, c.column_name""")) {
            query.setArray(1, connection.createArrayOf("text", NAMES.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        return tables;
    }

    /** The tables with a member-id column that {@code manifest} neither exports nor excludes. */
    public static List<String> unaccounted(Connection connection, ExportManifest manifest) throws SQLException {
        return tables(connection).keySet().stream()
                .filter(table -> !manifest.accountsFor(table))
                .toList();
    }

    /** The tables {@code manifest} names that the database does not have (a stale entry). */
    public static List<String> unknown(Connection connection, ExportManifest manifest) throws SQLException {
        List<String> named = new ArrayList<>(manifest.excluded().keySet());
        manifest.exported().forEach(s -> named.add(s.table()));
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = current_schema() and table_name = ?")) {
            for (String table : named) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        unknown.add(table);
                    }
                }
            }
        }
        return unknown;
    }
}
