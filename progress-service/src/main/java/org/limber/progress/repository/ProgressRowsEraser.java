package org.limber.progress.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.privacy.ErasureStatements;
import org.limber.common.privacy.MemberDataEraser;

/**
 * progress-service's part of a member's erasure: every row holding the member's id, deleted in the
 * erasure's transaction. The list was made from information_schema (every table with a column that may
 * hold a member id) and ErasureFlowTest checks it against every text column of every table. The
 * outcomes report and the panel are computed from these rows, so the member drops out of them and what
 * remains is counts of anonymous others. Not here: the access log (access_log), whose rows outlive an
 * erasure with the member's id replaced by the pseudonym: its repository is a {@link MemberDataEraser}
 * of its own.
 */
@ApplicationScoped
public class ProgressRowsEraser implements MemberDataEraser {

    static final Map<String, String> STATEMENTS = statements();

    private static Map<String, String> statements() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("alert_cause", "delete from alert_cause where member_id = ?");
        s.put("alert", "delete from alert where member_id = ?");
        s.put("assessment", "delete from assessment where member_id = ?");
        s.put("session_skip", "delete from session_skip where member_id = ?");
        s.put("session_fact", "delete from session_fact where member_id = ?");
        s.put("weekly_stats", "delete from weekly_stats where member_id = ?");
        s.put("symptom_report", "delete from symptom_report where member_id = ?");
        s.put("questionnaire_response", "delete from questionnaire_response where member_id = ?");
        s.put("plan_detail", "delete from plan_detail where member_id = ?");
        s.put("plan_prescription", "delete from plan_prescription where member_id = ?");
        s.put("member_profile", "delete from member_profile where member_id = ?");
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

    public ProgressRowsEraser(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, Integer> erase(String memberId, String pseudonym) {
        return ErasureStatements.run(dataSource, STATEMENTS, memberId);
    }
}
