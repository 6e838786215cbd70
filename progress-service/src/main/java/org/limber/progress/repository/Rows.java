package org.limber.progress.repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.limber.progress.domain.Prescription;

/** Reading nullable columns by name, and the member order every batched write takes its row locks in. */
final class Rows {

    private Rows() {}

    static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet r, String column) throws SQLException {
        Date d = r.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Integer integer(ResultSet r, String column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    static List<String> strings(ResultSet r, String column) throws SQLException {
        Array array = r.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Date sqlDate(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** The rows in member order: every statement takes its row locks in one order, so concurrent batches never deadlock. */
    static <T> List<T> byMember(List<T> rows, Function<T, String> member) {
        return rows.stream().sorted(Comparator.comparing(member)).toList();
    }

    /** The prescriptions of the columns rx_version, rx_from and rx_sessions (arrays aggregated in one pass), by version. */
    static List<Prescription> prescriptions(ResultSet r) throws SQLException {
        Array versions = r.getArray("rx_version");
        if (versions == null) {
            return List.of();
        }
        Integer[] version = (Integer[]) versions.getArray();
        Date[] from = (Date[]) r.getArray("rx_from").getArray();
        Integer[] perWeek = (Integer[]) r.getArray("rx_sessions").getArray();
        List<Prescription> result = new ArrayList<>(version.length);
        for (int i = 0; i < version.length; i++) {
            result.add(new Prescription(version[i], from[i].toLocalDate(), perWeek[i]));
        }
        result.sort(Comparator.comparingInt(Prescription::planVersion));
        return result;
    }
}
