package org.limber.catalog.domain;

import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;

/**
 * What a reader asks of the catalog. Null or empty means "no condition". {@code equipment}
 * means "only exercises I can do with this equipment" (NONE is always available).
 */
public record ExerciseFilter(
        String q,
        Category category,
        Region region,
        Position position,
        Level level,
        Direction direction,
        Set<Equipment> equipment,
        Set<SafetyTag> excludeTags,
        Sort sort,
        int page,
        int size) {

    /** Stable orders: each ends with the slug, so equal keys never swap between pages. */
    public enum Sort {
        NAME("name, slug"),
        LEVEL("array_position(array['BEGINNER','INTERMEDIATE','ADVANCED'], level), name, slug"),
        CATEGORY("category, name, slug"),
        RECENT("published_at desc, slug");

        public final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }
}
