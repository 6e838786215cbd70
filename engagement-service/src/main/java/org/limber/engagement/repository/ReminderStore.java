package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.domain.Due;
import org.limber.engagement.domain.QuietHours;
import org.limber.engagement.domain.ReminderSettings;

/**
 * Reminder settings and each member's next due reminder. Due rows are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}: any number of instances claim at once, none takes a row another
 * holds, and the row moves on only when the claiming transaction commits (a crash before leaves it due).
 */
@ApplicationScoped
public class ReminderStore {

    /** Stored settings with the next due reminder and the local day of the last one sent. */
    public record Stored(String memberId, ReminderSettings settings, Due next, LocalDate lastSentOn) {}

    private final DataSource dataSource;

    public ReminderStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Stored> find(String memberId) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement("select * from reminder where member_id = ?")) {
            select.setString(1, memberId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? Optional.of(stored(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String memberId, ReminderSettings s, Due next, Instant now) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement upsert = db.prepareStatement("""
                        insert into reminder (member_id, days, at_time, time_zone, quiet_from, quiet_to, channels, enabled,
                                              next_fire_at, next_day, next_kind, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (member_id) do update set days = excluded.days, at_time = excluded.at_time,
                            time_zone = excluded.time_zone, quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                            channels = excluded.channels, enabled = excluded.enabled, next_fire_at = excluded.next_fire_at,
                            next_day = excluded.next_day, next_kind = excluded.next_kind, updated_at = excluded.updated_at
                        """)) {
            upsert.setString(1, memberId);
            upsert.setArray(
                    2,
                    db.createArrayOf(
                            "text", s.days().stream().sorted().map(Enum::name).toArray()));
            upsert.setTime(3, Time.valueOf(s.time()));
            upsert.setString(4, s.zone().getId());
            upsert.setTime(
                    5,
                    s.quietHours() == null ? null : Time.valueOf(s.quietHours().from()));
            upsert.setTime(
                    6,
                    s.quietHours() == null ? null : Time.valueOf(s.quietHours().to()));
            upsert.setArray(
                    7,
                    db.createArrayOf(
                            "text",
                            s.channels().stream().sorted().map(Enum::name).toArray()));
            upsert.setBoolean(8, s.enabled());
            setNext(upsert, 9, next);
            upsert.setTimestamp(12, Rows.timestamp(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /** Claims up to {@code limit} reminders due at {@code now}, locked until the caller's transaction ends. */
    public List<Stored> claimDue(Connection db, Instant now, int limit) throws SQLException {
        List<Stored> due = new ArrayList<>();
        try (PreparedStatement claim = db.prepareStatement("""
                select * from reminder where enabled and next_fire_at <= ?
                order by next_fire_at limit ? for update skip locked
                """)) {
            claim.setTimestamp(1, Rows.timestamp(now));
            claim.setInt(2, limit);
            try (ResultSet r = claim.executeQuery()) {
                while (r.next()) {
                    due.add(stored(r));
                }
            }
        }
        return due;
    }

    /** A claimed reminder moved on: its next due reminder and, when one was sent, the local day it went. */
    public record Advance(String memberId, Due next, LocalDate sentOn) {}

    public void advance(Connection db, List<Advance> advances) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("""
                update reminder set next_fire_at = ?, next_day = ?, next_kind = ?,
                    last_sent_on = coalesce(?, last_sent_on)
                where member_id = ?
                """)) {
            for (Advance a : advances) {
                setNext(update, 1, a.next());
                update.setDate(4, a.sentOn() == null ? null : Date.valueOf(a.sentOn()));
                update.setString(5, a.memberId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void setNext(PreparedStatement statement, int first, Due next) throws SQLException {
        statement.setTimestamp(first, next == null ? null : Rows.timestamp(next.at()));
        statement.setDate(first + 1, next == null ? null : Date.valueOf(next.day()));
        statement.setString(first + 2, next == null ? null : next.kind().name());
    }

    private static Stored stored(ResultSet r) throws SQLException {
        Time quietFrom = r.getTime("quiet_from");
        Time quietTo = r.getTime("quiet_to");
        ReminderSettings settings = new ReminderSettings(
                Rows.strings(r, "days").stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                r.getTime("at_time").toLocalTime(),
                ZoneId.of(r.getString("time_zone")),
                quietFrom == null ? null : new QuietHours(quietFrom.toLocalTime(), quietTo.toLocalTime()),
                Rows.strings(r, "channels").stream().map(ChannelKind::valueOf).collect(Collectors.toSet()),
                r.getBoolean("enabled"));
        Instant at = Rows.instant(r, "next_fire_at");
        Due next = at == null
                ? null
                : new Due(at, r.getDate("next_day").toLocalDate(), Due.Kind.valueOf(r.getString("next_kind")));
        Date last = r.getDate("last_sent_on");
        return new Stored(r.getString("member_id"), settings, next, last == null ? null : last.toLocalDate());
    }
}
