package org.limber.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import jakarta.persistence.EntityManager;

/**
 * The one way to take a PostgreSQL advisory lock. A lock is named by a {@code long} key, or by a
 * text key (hashed by {@code hashtext}, for a lock per member and the like). Transaction-level locks
 * ({@code xact}) are released when the transaction ends; a session-level lock is held by the
 * connection until {@link #unlock} or until the connection closes.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {}

    /** Waits for the transaction-level lock {@code key} (JPA). */
    public static void lockForTransaction(EntityManager em, long key) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, key)
                .getSingleResult();
    }

    /** Waits for the transaction-level lock named by the text {@code key} (JPA). */
    public static void lockForTransaction(EntityManager em, String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key)
                .getSingleResult();
    }

    /** Takes the transaction-level lock {@code key} if it is free; false if another transaction holds it. */
    public static boolean tryLockForTransaction(Connection db, long key) throws SQLException {
        return query(db, "select pg_try_advisory_xact_lock(?)", key);
    }

    /** Takes the session-level lock {@code key} if it is free; false if another session holds it. */
    public static boolean tryLockForSession(Connection db, long key) throws SQLException {
        return query(db, "select pg_try_advisory_lock(?)", key);
    }

    /** Releases the session-level lock {@code key}; false if this session did not hold it. */
    public static boolean unlock(Connection db, long key) throws SQLException {
        return query(db, "select pg_advisory_unlock(?)", key);
    }

    private static boolean query(Connection db, String sql, long key) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
