package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.SQLException;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.AdvisoryLocks;
import org.limber.common.sql.SqlFailure;

/** The lock the scheduled rules run under, so that one instance evaluates them at a time. */
@ApplicationScoped
public class SchedulerLock {

    private static final long KEY = 0x0a1e47L;

    private final AgroalDataSource dataSource;

    public SchedulerLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the lock for the current transaction if no other instance holds it (never waits: a busy
     * lock means another instance is doing this run's work); released when the transaction ends.
     */
    public boolean tryLock() {
        // Within a transaction the data source hands out the transaction's own connection.
        try (Connection db = dataSource.getConnection()) {
            return AdvisoryLocks.tryLockForTransaction(db, KEY);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
