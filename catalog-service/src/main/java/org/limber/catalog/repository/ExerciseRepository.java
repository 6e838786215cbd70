package org.limber.catalog.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseFilter;
import org.limber.common.paging.Page;
import org.limber.events.catalog.Equipment;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, String> {

    /**
     * Published exercises matching the filter, one page, in the filter's stable order, as the
     * database answers it. Reads are served from {@link org.limber.catalog.domain.CatalogIndex};
     * this is the reference its answers are checked against.
     */
    @SuppressWarnings("unchecked")
    public Page<Exercise> search(ExerciseFilter filter) {
        StringBuilder where = new StringBuilder(" where status = 'PUBLISHED'");
        Map<String, Object> params = new HashMap<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            // Words with their stems ("stretches" finds "stretch") or any part of a word.
            where.append(" and (to_tsvector('english', search_text) @@ plainto_tsquery('english', :q)"
                    + " or search_text like :qLike escape '\\')");
            params.put("q", filter.q());
            params.put(
                    "qLike",
                    "%"
                            + filter.q()
                                    .toLowerCase()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        equal(where, params, "category", filter.category());
        equal(where, params, "position", filter.position());
        equal(where, params, "level", filter.level());
        equal(where, params, "direction", filter.direction());
        if (filter.region() != null) {
            where.append(" and :region = any(regions)");
            params.put("region", filter.region().name());
        }
        if (filter.equipment() != null && !filter.equipment().isEmpty()) {
            List<String> available =
                    new ArrayList<>(filter.equipment().stream().map(Enum::name).toList());
            available.add(Equipment.NONE.name());
            where.append(" and equipment <@ cast(:equipment as text[])");
            params.put("equipment", available.toArray(String[]::new));
        }
        if (filter.excludeTags() != null && !filter.excludeTags().isEmpty()) {
            where.append(" and not (safety_tags && cast(:excludeTags as text[]))");
            params.put(
                    "excludeTags", filter.excludeTags().stream().map(Enum::name).toArray(String[]::new));
        }
        Query count = getEntityManager().createNativeQuery("select count(*) from exercise" + where);
        Query rows = getEntityManager()
                .createNativeQuery(
                        "select * from exercise" + where + " order by " + filter.sort().orderBy, Exercise.class)
                .setFirstResult(filter.page() * filter.size())
                .setMaxResults(filter.size());
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page<>(rows.getResultList(), filter.page(), filter.size(), total);
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, Enum<?> value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value.name());
        }
    }

    /**
     * The catalog's version as the database holds it: it changes with every publication (the
     * sum of versions grows) and every retirement (the retired count grows), so any instance can
     * tell that another one changed the catalog with one cheap query.
     */
    public String marker() {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery(
                        "select count(*), coalesce(sum(version), 0), count(*) filter (where status = 'RETIRED') from exercise")
                .getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }

    /** The full-text lexemes of each published exercise's search text, as the search matches them. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> lexemes() {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "select slug, tsvector_to_array(to_tsvector('english', search_text)) from exercise where status = 'PUBLISHED'")
                .getResultList();
        Map<String, List<String>> lexemes = new HashMap<>();
        rows.forEach(row -> lexemes.put((String) row[0], strings(row[1])));
        return lexemes;
    }

    /** The lexemes of a reader's words, as {@code plainto_tsquery} would take them (stop words dropped). */
    public List<String> lexemes(String words) {
        return strings(getEntityManager()
                .createNativeQuery("select tsvector_to_array(to_tsvector('english', cast(:q as text)))")
                .setParameter("q", words)
                .getSingleResult());
    }

    /** The slugs of the published exercises in a sort's order, as PostgreSQL collates them. */
    @SuppressWarnings("unchecked")
    public List<String> publishedSlugs(ExerciseFilter.Sort sort) {
        return getEntityManager()
                .createNativeQuery("select slug from exercise where status = 'PUBLISHED' order by " + sort.orderBy)
                .getResultList();
    }

    private static List<String> strings(Object array) {
        return Arrays.stream((Object[]) array).map(String::valueOf).toList();
    }

    /** Every exercise, published or retired: the variation graph spans both. */
    public List<Exercise> all() {
        return listAll();
    }
}
