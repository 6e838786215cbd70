package org.limber.progress.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.limber.common.sql.SqlArrays;

/**
 * Rows as column arrays for one {@code unnest(?::type[], ...)} statement: each column an array of its
 * SQL type, filled from the rows in order and bound through service-common's {@link SqlArrays}.
 */
final class ColumnArrays<T> {

    private final List<T> rows;
    private final List<String> types = new ArrayList<>();
    private final List<Object[]> columns = new ArrayList<>();

    private ColumnArrays(List<T> rows) {
        this.rows = rows;
    }

    static <T> ColumnArrays<T> of(List<T> rows) {
        return new ColumnArrays<>(rows);
    }

    /** Adds a column of {@code sqlType}: {@code value} of each row, into an array made by {@code array} (its Java type). */
    <V> ColumnArrays<T> column(String sqlType, IntFunction<V[]> array, Function<? super T, ? extends V> value) {
        V[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        types.add(sqlType);
        columns.add(values);
        return this;
    }

    /** Binds the columns from parameter {@code first} on; returns the parameter after the last. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        SqlArrays.bindColumns(statement, first, types.toArray(String[]::new), columns.toArray(Object[][]::new));
        return first + columns.size();
    }
}
