package org.limber.common.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one service's part of a member's data export holds: every table with a member's id in it is either
 * exported (in {@link #exported}) or excluded with the reason (in {@link #excluded}). Each service keeps one
 * manifest; its completeness test reads the database's information_schema and fails on a table with a
 * column that can hold a member's id and is in neither list.
 *
 * @param service  the service's short name ("routine", "progress", "engagement")
 * @param exported the collections, in the order the export writes them
 * @param excluded table name to the reason it is not exported
 */
public record ExportManifest(String service, List<ExportSection> exported, Map<String, String> excluded) {

    public ExportManifest {
        exported = List.copyOf(exported);
        excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        for (ExportSection section : exported) {
            if (excluded.containsKey(section.table())) {
                throw new IllegalArgumentException(section.table() + " is both exported and excluded");
            }
        }
    }

    /**
     * The exclusions every service with the shared outbox has (service-common's db/outbox migrations): a
     * table of its own can be added with {@code put} on the returned map.
     */
    public static Map<String, String> outboxExclusions() {
        Map<String, String> excluded = new LinkedHashMap<>();
        excluded.put(
                "outbox_event",
                "events on their way to Kafka (message_key = member id): copies of rows exported from their own"
                        + " tables, deleted after the outbox retention");
        excluded.put(
                "outbox_dead_letter",
                "events the outbox relay could not publish, kept for an operator: copies of rows exported from"
                        + " their own tables");
        return excluded;
    }

    /** True when the table is exported by some collection or excluded with a reason. */
    public boolean accountsFor(String table) {
        return excluded.containsKey(table)
                || exported.stream().anyMatch(s -> s.table().equals(table));
    }
}
