package org.limber.engagement.repository;

import java.util.List;
import java.util.Map;

import org.limber.common.export.ExportManifest;
import org.limber.common.export.ExportSection;

/**
 * engagement-service's part of a member's data export (GET /members/me/data): every table of this service
 * that holds a member's id, exported or excluded with the reason. {@code MemberDataTest} fails on a table with
 * a member-id column that is in neither list.
 */
public final class MemberExportTables {

    private static final List<ExportSection> EXPORTED = List.of(
            new ExportSection(
                    "planState", "member_plan", "select * from member_plan where member_id = ? order by member_id"),
            new ExportSection(
                    "sessions",
                    "member_session",
                    "select * from member_session where member_id = ? order by performed_at, session_id"),
            new ExportSection("reminders", "reminder", "select * from reminder where member_id = ? order by member_id"),
            new ExportSection("contact", "contact", "select * from contact where user_id = ? order by user_id"),
            // The endpoint and when it was made; the keys that encrypt pushes to it stay out of the copy.
            new ExportSection(
                    "pushSubscriptions",
                    "push_subscription",
                    "select endpoint, created_at from push_subscription where user_id = ? order by created_at, endpoint"),
            new ExportSection(
                    "notifications",
                    "delivery",
                    "select id, channel, target, kind, title, body, status, attempts, created_at, sent_at"
                            + " from delivery where user_id = ? order by created_at, id"),
            // The member's thread: what they wrote and what their care team wrote to them.
            new ExportSection("messages", "message", "select * from message where member_id = ? order by sent_at, id"),
            new ExportSection(
                    "alerts", "alert", "select * from alert where member_id = ? order by raised_at, alert_id"),
            new ExportSection(
                    "escalations",
                    "escalation",
                    "select e.* from escalation e join alert a on a.alert_id = e.alert_id"
                            + " where a.member_id = ? order by e.at, e.id"));

    /** The manifest. */
    public static final ExportManifest MANIFEST = new ExportManifest("engagement", EXPORTED, excluded());

    private MemberExportTables() {}

    private static Map<String, String> excluded() {
        return ExportManifest.outboxExclusions();
    }
}
