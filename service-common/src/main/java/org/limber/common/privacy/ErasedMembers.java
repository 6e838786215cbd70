package org.limber.common.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.limber.common.sql.SqlFailure;

/**
 * The members this service has erased (its table {@code erased_member}, pseudonyms only: the table
 * holds no member id). {@link org.limber.common.messaging.EventIntake} asks it about every record's
 * key, so that an event about an erased member (a late one, or a replay of a topic from its start)
 * rebuilds nothing. Cheap: the pseudonyms are held in memory; the table's row count is compared at
 * most once per {@code limber.privacy.erased-members.refresh} (another instance may have erased a
 * member), the whole set read again only when it changed, and an erasure in this instance
 * ({@link #record}) makes the next check read it again once its transaction has committed.
 */
@ApplicationScoped
public class ErasedMembers {

    private final DataSource dataSource;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Duration refresh;
    private final TransactionSynchronizationRegistry transaction;

    private volatile Set<String> erased = Set.of();
    private volatile Instant checkedAt;

    public ErasedMembers(
            DataSource dataSource,
            Pseudonyms pseudonyms,
            Clock clock,
            TransactionSynchronizationRegistry transaction,
            @ConfigProperty(name = "limber.privacy.erased-members.refresh", defaultValue = "5s") Duration refresh) {
        this.dataSource = dataSource;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.transaction = transaction;
        this.refresh = refresh;
    }

    /** Whether the member (a record's key) has been erased here; false for a null or blank key. */
    public boolean isErased(String memberId) {
        if (memberId == null || memberId.isBlank()) {
            return false;
        }
        return current().contains(pseudonyms.of(memberId));
    }

    /**
     * Records the member as erased, in the caller's transaction (a repeat changes nothing); the next
     * check after the commit reads the table again. Returns false when the member was erased already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String memberId, Instant at) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "insert into erased_member (pseudonym, erased_at) values (?, ?) on conflict do nothing")) {
            insert.setString(1, pseudonyms.of(memberId));
            insert.setTimestamp(2, Timestamp.from(at));
            boolean inserted = insert.executeUpdate() == 1;
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        checkedAt = null;
                    }
                }
            });
            return inserted;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private Set<String> current() {
        Instant now = clock.instant();
        Instant last = checkedAt;
        if (last != null && now.isBefore(last.plus(refresh)) && !now.isBefore(last)) {
            return erased;
        }
        synchronized (this) {
            if (checkedAt == last) {
                // Nobody read the table while this thread waited: a full read after an erasure here.
                reload(last == null);
                checkedAt = now;
            }
            return erased;
        }
    }

    /** Reads the table's row count, and the whole set if the count changed (or {@code always}). */
    private void reload(boolean always) {
        try (Connection db = dataSource.getConnection()) {
            if (!always) {
                try (PreparedStatement count = db.prepareStatement("select count(*) from erased_member");
                        ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == erased.size()) {
                        return;
                    }
                }
            }
            Set<String> all = new HashSet<>();
            try (PreparedStatement select = db.prepareStatement("select pseudonym from erased_member");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(rows.getString(1));
                }
            }
            erased = Set.copyOf(all);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
