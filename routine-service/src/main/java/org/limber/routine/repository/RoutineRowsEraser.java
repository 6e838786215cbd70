package org.limber.routine.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

import org.limber.common.sql.AdvisoryLocks;

/**
 * Deletes every row of this service that holds a member's id, in the caller's transaction, children
 * before their parents. The list was made from information_schema (every table with a column that may
 * hold a member id) and is checked against it by ErasureTest, which scans every text column of every
 * table after an erasure. Not deleted: catalog_exercise (no member), the erasure's own tables
 * (erasure_request keeps the id until the request completes; legal_hold is released before).
 */
@ApplicationScoped
public class RoutineRowsEraser {

    /** The statements, in order; ?1 = the member id. Named by table for the count of rows each deleted. */
    static final Map<String, String> STATEMENTS = statements();

    private static Map<String, String> statements() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("session_log", "delete from session_log where member_id = ?1");
        s.put("plan_change", "delete from plan_change where member_id = ?1");
        // plan_suspension and suspension_review refer to each other: one statement deletes both (foreign keys are
        // checked at its end).
        s.put(
                "suspension_review+plan_suspension",
                "with reviews as (delete from suspension_review where member_id = ?1 returning id)"
                        + " delete from plan_suspension where member_id = ?1");
        s.put("plan", "delete from plan where member_id = ?1");
        s.put("intake", "delete from intake where member_id = ?1");
        s.put("assessment_received", "delete from assessment_received where member_id = ?1");
        s.put("adaptation_setting", "delete from adaptation_setting where member_id = ?1");
        s.put("symptom_report", "delete from symptom_report where member_id = ?1");
        s.put("screening", "delete from screening where member_id = ?1");
        s.put("questionnaire_response", "delete from questionnaire_response where member_id = ?1");
        s.put("care_assignment", "delete from care_assignment where member_id = ?1");
        s.put("person", "delete from person where id = ?1 and not clinician");
        // Events about the member waiting in (or already relayed from) the outbox, and those parked as undeliverable;
        // not the access audit's, which outlive an erasure (progress stores them under the pseudonym).
        s.put("outbox_event", "delete from outbox_event where message_key = ?1 and topic <> 'audit.member-access'");
        s.put("outbox_dead_letter", "delete from outbox_dead_letter where message_key = ?1");
        return s;
    }

    /** The tables this eraser covers (for the completeness test). */
    public static List<String> tables() {
        return STATEMENTS.keySet().stream()
                .flatMap(k -> List.of(k.split("\\+")).stream())
                .toList();
    }

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    /** Deletes the member's rows; returns the number of rows deleted per table. */
    public Map<String, Integer> erase(String memberId) {
        // The member's plan lock (PlanRepository's): no plan, session or suspension of theirs is written meanwhile.
        AdvisoryLocks.lockForTransaction(em(), "plan:" + memberId);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
            deleted.put(
                    statement.getKey(),
                    em().createNativeQuery(statement.getValue())
                            .setParameter(1, memberId)
                            .executeUpdate());
        }
        return deleted;
    }

    /** Deletes the relayed outbox events keyed by the member (the erasure's own request, once it is done). */
    public int deleteRelayedEvents(String memberId) {
        return em().createNativeQuery("delete from outbox_event where message_key = ?1 and published_at is not null")
                .setParameter(1, memberId)
                .executeUpdate();
    }
}
