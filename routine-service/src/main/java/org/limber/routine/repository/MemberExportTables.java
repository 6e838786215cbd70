package org.limber.routine.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.limber.common.export.ExportManifest;
import org.limber.common.export.ExportSection;

/**
 * routine-service's part of a member's data export (the {@code routine} member of GET /members/me/export):
 * every table of this service that holds a member's id, exported or excluded with the reason.
 * {@code MemberExportTest} fails on a table with a member-id column that is in neither list.
 */
public final class MemberExportTables {

    private static final List<ExportSection> EXPORTED = List.of(
            new ExportSection("person", "person", "select * from person where id = ? order by id"),
            section("intakes", "intake", "submitted_at, id"),
            // Every version of the plan, with the proposal each was built from.
            section("plans", "plan", "version"),
            section("planChanges", "plan_change", "plan_version, created_at, id"),
            section("sessions", "session_log", "performed_at, session_id"),
            section("symptomReports", "symptom_report", "reported_at, report_id"),
            section("screenings", "screening", "taken_at, screening_id"),
            section("suspensions", "plan_suspension", "sequence"),
            section("suspensionReviews", "suspension_review", "reviewed_at, id"),
            section("questionnaireResponses", "questionnaire_response", "authored_at, response_id"),
            section("assessments", "assessment_received", "received_at, id"),
            section("adaptationSetting", "adaptation_setting", "member_id"),
            section("careTeam", "care_assignment", "member_id"));

    /** The manifest. */
    public static final ExportManifest MANIFEST = new ExportManifest("routine", EXPORTED, excluded());

    private MemberExportTables() {}

    private static ExportSection section(String name, String table, String order) {
        return new ExportSection(name, table, "select * from " + table + " where member_id = ? order by " + order);
    }

    private static Map<String, String> excluded() {
        Map<String, String> excluded = new LinkedHashMap<>(ExportManifest.outboxExclusions());
        excluded.put(
                "erasure_request",
                "the member's erasure request: the member is answered it, with each service's progress, by"
                        + " POST /members/me/erasure; once it completes it holds the pseudonym only");
        excluded.put(
                "legal_hold",
                "a hold an admin places to keep the clinical record for a legal obligation; the member is told of"
                        + " it as their erasure request's holdReason");
        return excluded;
    }
}
