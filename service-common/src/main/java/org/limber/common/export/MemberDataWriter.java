package org.limber.common.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes one service's part of a member's data export as one JSON object, straight to the response, never
 * holding more than one page of rows: each collection is read through a database cursor ({@link
 * #FETCH_SIZE} rows a round trip) in one read-only snapshot, so the part is consistent across collections.
 * Each collection stops at {@code maxRows} rows and says so ({@code "truncated": true}); the part lists the
 * cut collections at its end.
 *
 * <p>The part: {@code {"service", "memberId", "exportedAt", "maxRowsPerCollection", "derived": {...},
 * "collections": {name:
 * {"table", "items": [...], "count", "truncated"}}, "truncatedCollections": [...]}}. A row becomes an object
 * with every column the query selects, named in camelCase; timestamps as ISO-8601 instants, dates as
 * ISO dates, arrays as arrays, jsonb as the JSON it holds. {@code derived} holds figures the service computes
 * from the rows (written with the generator's codec; left out when empty). The generator must come from an
 * {@code ObjectMapper}'s factory.
 */
public final class MemberDataWriter {

    /** Rows fetched from the cursor per round trip. */
    public static final int FETCH_SIZE = 500;

    private MemberDataWriter() {}

    /**
     * A service's own part of a member's export as a response body, written as it is sent (progress's and
     * engagement's {@code GET /members/me/data}).
     */
    public static StreamingOutput streamedPart(
            ObjectMapper mapper,
            DataSource dataSource,
            ExportManifest manifest,
            String memberId,
            Instant exportedAt,
            int maxRows,
            Map<String, Object> derived) {
        return out -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                writePart(json, dataSource, manifest, memberId, exportedAt, maxRows, derived);
            }
        };
    }

    /** Writes the part of {@code manifest} for the member, reading through a connection of {@code dataSource}. */
    public static void writePart(
            JsonGenerator json,
            DataSource dataSource,
            ExportManifest manifest,
            String memberId,
            Instant exportedAt,
            int maxRows,
            Map<String, Object> derived)
            throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                writePart(json, connection, manifest, memberId, exportedAt, maxRows, derived);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("reading the export of " + manifest.service() + " failed", e);
        }
    }

    private static void writePart(
            JsonGenerator json,
            Connection connection,
            ExportManifest manifest,
            String memberId,
            Instant exportedAt,
            int maxRows,
            Map<String, Object> derived)
            throws IOException, SQLException {
        json.writeStartObject();
        json.writeStringField("service", manifest.service());
        json.writeStringField("memberId", memberId);
        json.writeStringField("exportedAt", exportedAt.toString());
        json.writeNumberField("maxRowsPerCollection", maxRows);
        if (!derived.isEmpty()) {
            json.writeObjectFieldStart("derived");
            for (Map.Entry<String, Object> value : derived.entrySet()) {
                json.writeObjectField(value.getKey(), value.getValue());
            }
            json.writeEndObject();
        }
        json.writeObjectFieldStart("collections");
        List<String> truncated = new ArrayList<>();
        for (ExportSection section : manifest.exported()) {
            if (writeSection(json, connection, section, memberId, maxRows)) {
                truncated.add(section.name());
            }
        }
        json.writeEndObject();
        json.writeArrayFieldStart("truncatedCollections");
        for (String name : truncated) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Writes one collection; true when it had more than {@code maxRows} rows and was cut. */
    private static boolean writeSection(
            JsonGenerator json, Connection connection, ExportSection section, String memberId, int maxRows)
            throws IOException, SQLException {
        json.writeObjectFieldStart(section.name());
        json.writeStringField("table", section.table());
        json.writeArrayFieldStart("items");
        int count = 0;
        boolean cut = false;
        try (PreparedStatement statement = connection.prepareStatement(section.sql())) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, memberId);
            }
            statement.setFetchSize(FETCH_SIZE);
            statement.setMaxRows(maxRows + 1);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    if (count == maxRows) {
                        cut = true;
                        break;
                    }
                    writeRow(json, rows, meta);
                    count++;
                }
            }
        }
        json.writeEndArray();
        json.writeNumberField("count", count);
        json.writeBooleanField("truncated", cut);
        json.writeEndObject();
        json.flush();
        return cut;
    }

    private static void writeRow(JsonGenerator json, ResultSet rows, ResultSetMetaData meta)
            throws IOException, SQLException {
        json.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            json.writeFieldName(camelCase(meta.getColumnLabel(i)));
            ColumnValues.write(json, rows, i, meta.getColumnTypeName(i));
        }
        json.writeEndObject();
    }

    /** {@code performed_at} as {@code performedAt}. */
    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
