package org.limber.console.client;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of catalog-service's request and response bodies the console uses (see its README): exercises,
 * drafts, versions, publications. Unknown fields are ignored.
 */
public final class CatalogViews {

    private CatalogViews() {}

    public record ExerciseSummary(String slug, int version, String name, String category, String level) {}

    public record Draft(
            String slug,
            int revision,
            Integer baseVersion,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            JsonNode content) {

        public String name() {
            return content == null ? slug : content.path("name").asText(slug);
        }
    }

    public record Version(
            String slug,
            int version,
            String origin,
            String author,
            String note,
            Instant publishedAt,
            JsonNode content) {}

    public record Publication(String slug, int version, String status, Instant publishedAt, Instant retiredAt) {}

    public record DraftUpdate(Integer revision, JsonNode content) {}

    public record Publish(Integer revision, String note) {}

    public record Retire(String reason) {}
}
