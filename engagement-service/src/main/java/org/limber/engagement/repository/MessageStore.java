package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The thread between each member and their care team: one row per message, newest first when read. */
@ApplicationScoped
public class MessageStore {

    /** A stored message. */
    public record Row(
            UUID id,
            String memberId,
            String author,
            String authorId,
            String authorName,
            String text,
            Instant sentAt,
            Instant readAt,
            boolean flagged) {}

    /** A member's thread with unread messages for the care team. */
    public record Unread(String memberId, int unread, boolean flagged, Instant lastAt) {}

    private final DataSource dataSource;

    public MessageStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes a message; the stored one when its id is known already (a retried request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Row add(Row m) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement insert = db.prepareStatement("""
                        insert into message (id, member_id, author, author_id, author_name, body, sent_at, flagged)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)) {
            insert.setObject(1, m.id());
            insert.setString(2, m.memberId());
            insert.setString(3, m.author());
            insert.setString(4, m.authorId());
            insert.setString(5, m.authorName());
            insert.setString(6, m.text());
            insert.setTimestamp(7, Rows.timestamp(m.sentAt()));
            insert.setBoolean(8, m.flagged());
            if (insert.executeUpdate() == 1) {
                return m;
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return find(m.id()).orElseThrow();
    }

    public Optional<Row> find(UUID id) {
        List<Row> rows = query("select * from message where id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public List<Row> page(String memberId, int page, int size) {
        return query(
                "select * from message where member_id = ? order by sent_at desc, id desc limit ? offset ?",
                memberId,
                size,
                (long) page * size);
    }

    public long count(String memberId) {
        return number("select count(*) from message where member_id = ?", memberId);
    }

    /** Messages of {@code author} in the thread not read yet. */
    public long unread(String memberId, String author) {
        return number(
                "select count(*) from message where member_id = ? and author = ? and read_at is null",
                memberId,
                author);
    }

    /** Marks the messages of {@code author} up to {@code upTo} (by time) read; their number. */
    @Transactional
    public int markRead(String memberId, String author, Row upTo, Instant now) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement update = db.prepareStatement("""
                        update message set read_at = ? where member_id = ? and author = ? and read_at is null
                            and (sent_at < ? or (sent_at = ? and id <= ?))
                        """)) {
            update.setTimestamp(1, Rows.timestamp(now));
            update.setString(2, memberId);
            update.setString(3, author);
            update.setTimestamp(4, Rows.timestamp(upTo.sentAt()));
            update.setTimestamp(5, Rows.timestamp(upTo.sentAt()));
            update.setObject(6, upTo.id());
            return update.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    /**
     * Threads with member messages the care team has not read, of one clinician's panel (every member when
     * {@code clinicianId} is null), flagged first, then newest; at most {@code limit}.
     */
    public List<Unread> unreadThreads(String clinicianId, int limit) {
        String sql = """
                select m.member_id, count(*) as unread, bool_or(m.flagged) as flagged, max(m.sent_at) as last_at
                from message m left join member_plan p on p.member_id = m.member_id
                where m.author = 'MEMBER' and m.read_at is null and (cast(? as text) is null or p.clinician_id = ?)
                group by m.member_id order by bool_or(m.flagged) desc, max(m.sent_at) desc limit ?
                """;
        List<Unread> rows = new ArrayList<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, clinicianId);
            select.setString(2, clinicianId);
            select.setInt(3, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Unread(
                            r.getString("member_id"),
                            r.getInt("unread"),
                            r.getBoolean("flagged"),
                            Rows.instant(r, "last_at")));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return rows;
    }

    private List<Row> query(String sql, Object... values) {
        List<Row> rows = new ArrayList<>();
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(
                            r.getObject("id", UUID.class),
                            r.getString("member_id"),
                            r.getString("author"),
                            r.getString("author_id"),
                            r.getString("author_name"),
                            r.getString("body"),
                            Rows.instant(r, "sent_at"),
                            Rows.instant(r, "read_at"),
                            r.getBoolean("flagged")));
                }
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
        return rows;
    }

    private long number(String sql, Object... values) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }
}
