package org.limber.progress.repository;

import java.util.List;
import java.util.Map;

import org.limber.common.export.ExportManifest;
import org.limber.common.export.ExportSection;

/**
 * progress-service's part of a member's data export (GET /members/me/data): every table of this service that
 * holds a member's id, exported or excluded with the reason. {@code MemberDataTest} fails on a
 * table with a member-id column that is in neither list.
 */
public final class MemberExportTables {

    /** The member's access log: who on the staff read or changed their data, when, through what. */
    private static final ExportSection ACCESS_LOG = new ExportSection(
            "accessLog",
            "access_log",
            "select accessed_at, actor_id, actor_role, operation, resource, service, client, event_id"
                    + " from access_log where member_ref = ? order by accessed_at, id");

    private static final List<ExportSection> EXPORTED = List.of(
            section("profile", "member_profile", "member_id"),
            section("prescriptions", "plan_prescription", "plan_version"),
            section("planDetails", "plan_detail", "plan_version"),
            section("weeks", "weekly_stats", "week_start"),
            section("sessions", "session_fact", "performed_at, session_id"),
            section("sessionSkips", "session_skip", "session_id, slug"),
            section("symptomReports", "symptom_report", "reported_at, report_id"),
            // Alerts about the member, with the notes written when a clinician acknowledged or resolved them.
            section("alerts", "alert", "raised_at, id"),
            section("alertCauses", "alert_cause", "counted_at, kind, source_id"),
            section("assessments", "assessment", "created_at, id"),
            section("questionnaireResponses", "questionnaire_response", "authored_at, response_id"),
            ACCESS_LOG);

    private static final Map<String, String> EXCLUDED = excluded();

    /** The manifest. */
    public static final ExportManifest MANIFEST = new ExportManifest("progress", EXPORTED, EXCLUDED);

    private MemberExportTables() {}

    private static ExportSection section(String name, String table, String order) {
        return new ExportSection(name, table, "select * from " + table + " where member_id = ? order by " + order);
    }

    private static Map<String, String> excluded() {
        return ExportManifest.outboxExclusions();
    }
}
