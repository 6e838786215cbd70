package org.limber.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.limber.content.ExerciseFiles;
import org.limber.events.catalog.CatalogTopics;
import org.limber.events.catalog.ExercisePublished;
import org.limber.events.catalog.ExerciseRetired;
import org.limber.events.catalog.ExerciseSnapshot;

/**
 * The real exercise library as catalog events, for services that keep a copy of the catalog:
 * snapshots read from the exercise files, and a producer that publishes them to the test broker
 * exactly as catalog-service does (CloudEvents headers, key = slug).
 */
public final class CatalogFixture {

    public static final ObjectMapper JSON = TestEvents.JSON;

    private CatalogFixture() {}

    /** Every exercise of the library as a version-1 published snapshot. */
    public static List<ExerciseSnapshot> snapshots() {
        List<ExerciseSnapshot> snapshots = new ArrayList<>();
        for (ExerciseFiles.Entry entry : ExerciseFiles.read()) {
            snapshots.add(snapshot(entry.slug(), entry.fields()));
        }
        return snapshots;
    }

    private static ExerciseSnapshot snapshot(String slug, JsonNode f) {
        JsonNode d = f.path("dose");
        JsonNode r = d.path("range");
        ExerciseSnapshot.Dose dose = new ExerciseSnapshot.Dose(
                d.path("sets").asInt(),
                integer(d, "reps"),
                integer(d, "holdSeconds"),
                integer(d, "durationSeconds"),
                d.path("restSeconds").asInt(),
                range(r, "sets"),
                range(r, "reps"),
                range(r, "holdSeconds"),
                range(r, "durationSeconds"));
        return new ExerciseSnapshot(
                slug,
                1,
                "PUBLISHED",
                f.path("name").asText(),
                strings(f, "aliases"),
                f.path("description").asText(),
                f.path("category").asText(),
                strings(f, "regions"),
                strings(f, "muscles"),
                f.path("position").asText(),
                strings(f, "equipment"),
                f.path("level").asText(),
                f.path("unilateral").asBoolean(),
                dose,
                strings(f, "steps"),
                strings(f, "mayFeel"),
                strings(f, "tips"),
                strings(f, "commonMistakes"),
                f.path("direction").asText(),
                f.path("spinalLoad").asText(),
                strings(f, "safetyTags"),
                strings(f, "easier"),
                strings(f, "harder"));
    }

    /** The snapshot as a new version (for example with another status or content). */
    public static ExerciseSnapshot withVersion(ExerciseSnapshot s, int version, String status) {
        return copy(s, s.slug(), version, status, s.name(), s.easier(), s.harder());
    }

    /** A version-1 published copy of the snapshot under another slug and name, linked to no other exercise. */
    public static ExerciseSnapshot renamed(ExerciseSnapshot s, String slug, String name) {
        return copy(s, slug, 1, "PUBLISHED", name, List.of(), List.of());
    }

    private static ExerciseSnapshot copy(
            ExerciseSnapshot s,
            String slug,
            int version,
            String status,
            String name,
            List<String> easier,
            List<String> harder) {
        return new ExerciseSnapshot(
                slug,
                version,
                status,
                name,
                s.aliases(),
                s.description(),
                s.category(),
                s.regions(),
                s.muscles(),
                s.position(),
                s.equipment(),
                s.level(),
                s.unilateral(),
                s.dose(),
                s.steps(),
                s.mayFeel(),
                s.tips(),
                s.commonMistakes(),
                s.direction(),
                s.spinalLoad(),
                s.safetyTags(),
                easier,
                harder);
    }

    /** As catalog-service publishes it: key = slug, the CloudEvents type of {@link ExercisePublished}. */
    public static TestEvents.Outgoing outgoing(ExercisePublished p) {
        return new TestEvents.Outgoing(CatalogTopics.EXERCISES, p.slug(), ExercisePublished.TYPE, p.eventId(), p);
    }

    public static ExercisePublished published(ExerciseSnapshot snapshot) {
        return new ExercisePublished(
                UUID.randomUUID(),
                Instant.now(),
                ExercisePublished.SCHEMA_VERSION,
                snapshot.slug(),
                snapshot.version(),
                snapshot);
    }

    public static ExerciseRetired retired(ExerciseSnapshot snapshot, String reason) {
        ExerciseSnapshot retired = withVersion(snapshot, snapshot.version(), "RETIRED");
        return new ExerciseRetired(
                UUID.randomUUID(),
                Instant.now(),
                ExerciseRetired.SCHEMA_VERSION,
                snapshot.slug(),
                snapshot.version(),
                reason,
                retired);
    }

    /** Publishes catalog events to the test broker as catalog-service would. */
    public static void send(List<?> events) {
        TestEvents.send(outgoing(events));
    }

    /** Catalog events as records to publish (topic, key = slug, CloudEvents type and id). */
    public static List<TestEvents.Outgoing> outgoing(List<?> events) {
        List<TestEvents.Outgoing> outgoing = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof ExercisePublished p) {
                outgoing.add(outgoing(p));
            } else if (event instanceof ExerciseRetired r) {
                outgoing.add(new TestEvents.Outgoing(
                        CatalogTopics.EXERCISES, r.slug(), ExerciseRetired.TYPE, r.eventId(), r));
            } else {
                throw new IllegalArgumentException("not a catalog event: " + event);
            }
        }
        return outgoing;
    }

    /** Publishes raw text (for example a malformed event) with the given CloudEvents type. */
    public static void sendRaw(String key, String type, String value) {
        TestEvents.send(List.of(new TestEvents.Outgoing(CatalogTopics.EXERCISES, key, type, UUID.randomUUID(), value)));
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static ExerciseSnapshot.Range range(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull()
                ? null
                : new ExerciseSnapshot.Range(
                        value.path("min").asInt(), value.path("max").asInt());
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
