package org.limber.catalog.rest;

import java.time.Instant;
import java.util.List;

import org.limber.catalog.domain.CatalogIndex;
import org.limber.catalog.domain.Dose;
import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseContent;
import org.limber.catalog.domain.ExerciseDraft;
import org.limber.catalog.domain.ExerciseStatus;
import org.limber.catalog.domain.ExerciseVersion;
import org.limber.catalog.domain.Origin;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

/** The response bodies of the catalog API. */
public final class ExerciseViews {

    private ExerciseViews() {}

    /** An exercise in a list: enough to choose it and to prescribe it. */
    public record Summary(
            String slug,
            int version,
            String name,
            List<String> aliases,
            String description,
            Category category,
            List<Region> regions,
            Position position,
            List<Equipment> equipment,
            Level level,
            boolean unilateral,
            Dose dose,
            Direction direction,
            SpinalLoad spinalLoad,
            List<SafetyTag> safetyTags) {

        static Summary of(Exercise e) {
            ExerciseContent c = e.content;
            return new Summary(
                    e.slug,
                    e.version,
                    c.name(),
                    c.aliases(),
                    c.description(),
                    c.category(),
                    c.regions(),
                    c.position(),
                    c.equipment(),
                    c.level(),
                    c.unilateral(),
                    c.dose(),
                    c.direction(),
                    c.spinalLoad(),
                    c.safetyTags());
        }
    }

    /** A page of summaries, as {@code GET /exercises} answers it (for the API description). */
    public record SummaryPage(List<Summary> items, int page, int size, long total, long totalPages) {}

    /** A link to a neighbouring variation. */
    public record Variation(String slug, String name, Level level) {

        static Variation of(Exercise e) {
            return new Variation(e.slug, e.name, e.level);
        }
    }

    /** One exercise in full, with its easier and harder variations. */
    public record Detail(
            String slug,
            int version,
            ExerciseStatus status,
            Instant publishedAt,
            Instant retiredAt,
            String name,
            List<String> aliases,
            String description,
            Category category,
            List<Region> regions,
            List<String> muscles,
            Position position,
            List<Equipment> equipment,
            Level level,
            boolean unilateral,
            Dose dose,
            List<String> steps,
            List<String> mayFeel,
            List<String> tips,
            List<String> commonMistakes,
            Direction direction,
            SpinalLoad spinalLoad,
            List<SafetyTag> safetyTags,
            List<Variation> easier,
            List<Variation> harder) {

        static Detail of(CatalogIndex.Linked linked) {
            Exercise e = linked.exercise();
            ExerciseContent c = e.content;
            return new Detail(
                    e.slug,
                    e.version,
                    e.status,
                    e.publishedAt,
                    e.retiredAt,
                    c.name(),
                    c.aliases(),
                    c.description(),
                    c.category(),
                    c.regions(),
                    c.muscles(),
                    c.position(),
                    c.equipment(),
                    c.level(),
                    c.unilateral(),
                    c.dose(),
                    c.steps(),
                    c.mayFeel(),
                    c.tips(),
                    c.commonMistakes(),
                    c.direction(),
                    c.spinalLoad(),
                    c.safetyTags(),
                    linked.easier().stream().map(Variation::of).toList(),
                    linked.harder().stream().map(Variation::of).toList());
        }
    }

    /** The family an exercise belongs to, from easiest to hardest. */
    public record Variations(String slug, List<Summary> chain) {}

    /** A draft as editors see it; {@code revision} is also its ETag. */
    public record Draft(
            String slug,
            int revision,
            Integer baseVersion,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt,
            ExerciseContent content) {

        static Draft of(ExerciseDraft d) {
            return new Draft(
                    d.slug,
                    d.lockVersion,
                    d.baseVersion,
                    d.createdBy,
                    d.createdAt,
                    d.updatedBy,
                    d.updatedAt,
                    d.content);
        }
    }

    /** A published version, for the history of an exercise. */
    public record Version(
            String slug,
            int version,
            Origin origin,
            String author,
            String note,
            Instant publishedAt,
            ExerciseContent content) {

        static Version of(ExerciseVersion v) {
            return new Version(v.slug, v.version, v.origin, v.author, v.note, v.publishedAt, v.content);
        }
    }

    /** What publishing or retiring answers. */
    public record Publication(String slug, int version, ExerciseStatus status, Instant publishedAt, Instant retiredAt) {

        static Publication of(Exercise e) {
            return new Publication(e.slug, e.version, e.status, e.publishedAt, e.retiredAt);
        }
    }
}
