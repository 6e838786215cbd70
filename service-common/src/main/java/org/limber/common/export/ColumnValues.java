package org.limber.common.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonGenerator;

/** One column of a row as JSON, by its PostgreSQL type name. */
final class ColumnValues {

    private ColumnValues() {}

    static void write(JsonGenerator json, ResultSet rows, int column, String type) throws IOException, SQLException {
        if (rows.getObject(column) == null) {
            json.writeNull();
            return;
        }
        switch (type) {
            // PostgreSQL checked the JSON when it stored it.
            case "json", "jsonb" -> json.writeRawValue(rows.getString(column));
            case "timestamptz", "timestamp" ->
                json.writeString(
                        rows.getObject(column, OffsetDateTime.class).toInstant().toString());
            case "date" ->
                json.writeString(rows.getObject(column, LocalDate.class).toString());
            case "int2", "int4", "int8", "serial", "bigserial" -> json.writeNumber(rows.getLong(column));
            case "numeric", "float4", "float8" -> json.writeNumber(rows.getBigDecimal(column));
            case "bool" -> json.writeBoolean(rows.getBoolean(column));
            default -> {
                if (type.startsWith("_")) {
                    array(json, rows.getArray(column));
                } else {
                    json.writeString(rows.getString(column));
                }
            }
        }
    }

    private static void array(JsonGenerator json, Array array) throws IOException, SQLException {
        json.writeStartArray();
        for (Object element : (Object[]) array.getArray()) {
            if (element == null) {
                json.writeNull();
            } else if (element instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (element instanceof Double || element instanceof Float) {
                json.writeNumber(((Number) element).doubleValue());
            } else if (element instanceof BigDecimal d) {
                json.writeNumber(d);
            } else if (element instanceof Number n) {
                json.writeNumber(n.longValue());
            } else {
                json.writeString(element.toString());
            }
        }
        json.writeEndArray();
    }
}
