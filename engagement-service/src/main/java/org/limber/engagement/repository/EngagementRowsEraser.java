package org.limber.engagement.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.privacy.ErasureStatements;
import org.limber.common.privacy.MemberDataEraser;

/**
 * engagement-service's part of a member's erasure: every row holding the member's id, deleted in the
 * erasure's transaction (the list made from information_schema; ErasureFlowTest checks it against every
 * text column of every table). Deliveries are deleted when they were for the member or name them in
 * their text (a clinician's notice about the member's alert); escalations go with the member's alerts.
 */
@ApplicationScoped
public class EngagementRowsEraser implements MemberDataEraser {

    static final Map<String, String> STATEMENTS = statements();

    private static Map<String, String> statements() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(
                "escalation",
                "delete from escalation where alert_id in (select alert_id from alert where member_id = ?)");
        s.put("alert", "delete from alert where member_id = ?");
        s.put("message", "delete from message where member_id = ? or author_id = ?");
        s.put("reminder", "delete from reminder where member_id = ?");
        s.put("member_session", "delete from member_session where member_id = ?");
        s.put("member_plan", "delete from member_plan where member_id = ?");
        s.put("push_subscription", "delete from push_subscription where user_id = ?");
        s.put(
                "delivery",
                "delete from delivery where user_id = ? or strpos(title, ?) > 0 or strpos(body, ?) > 0"
                        + " or strpos(target, ?) > 0");
        s.put("contact", "delete from contact where user_id = ?");
        // Events about the member in (or relayed from) the outbox, and those parked as undeliverable; not the access
        // audit's, which outlive an erasure (progress stores them under the pseudonym).
        s.put("outbox_event", "delete from outbox_event where message_key = ? and topic <> 'audit.member-access'");
        s.put("outbox_dead_letter", "delete from outbox_dead_letter where message_key = ?");
        return s;
    }

    /** The tables covered (for the completeness test). */
    public static List<String> tables() {
        return List.copyOf(STATEMENTS.keySet());
    }

    private final DataSource dataSource;

    public EngagementRowsEraser(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, Integer> erase(String memberId, String pseudonym) {
        return ErasureStatements.run(dataSource, STATEMENTS, memberId);
    }
}
