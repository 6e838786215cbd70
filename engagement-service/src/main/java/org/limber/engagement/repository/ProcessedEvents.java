package org.limber.engagement.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Event ids taken in: the same event twice changes nothing. */
@ApplicationScoped
public class ProcessedEvents {

    private final DataSource dataSource;

    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time an event id is seen (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean first(UUID eventId, Instant now) {
        try (Connection db = Rows.connection(dataSource);
                PreparedStatement insert = db.prepareStatement(
                        "insert into processed_event (event_id, processed_at) values (?, ?) on conflict do nothing")) {
            insert.setObject(1, eventId);
            insert.setTimestamp(2, Rows.timestamp(now));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }
}
