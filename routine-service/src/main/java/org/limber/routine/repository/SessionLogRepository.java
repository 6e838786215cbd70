package org.limber.routine.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.common.paging.Page;
import org.limber.routine.domain.SessionLog;

@ApplicationScoped
public class SessionLogRepository implements PanacheRepositoryBase<SessionLog, SessionLog.Key> {

    public Optional<SessionLog> find(String memberId, UUID sessionId) {
        return findByIdOptional(new SessionLog.Key(memberId, sessionId));
    }

    /** The sessions the member logged against {@code planVersion} from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<SessionLog> of(String memberId, int planVersion, Instant from, Instant to) {
        return list(
                "memberId = ?1 and planVersion = ?2 and performedAt >= ?3 and performedAt < ?4",
                memberId,
                planVersion,
                from,
                to);
    }

    public long countSince(String memberId, Instant from) {
        return count("memberId = ?1 and performedAt >= ?2", memberId, from);
    }

    public Page<SessionLog> history(String memberId, int page, int size) {
        var query = find("memberId = ?1 order by performedAt desc, sessionId", memberId);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
