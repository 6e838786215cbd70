package org.limber.routine.domain;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.limber.events.catalog.ExerciseSnapshot;

/** One exercise of this service's copy of the catalog, as the latest catalog event described it. */
@Entity
@Table(name = "catalog_exercise")
public class CatalogExercise {

    @Id
    public String slug;

    public int version;

    /** PUBLISHED or RETIRED. */
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    public ExerciseSnapshot snapshot;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean published() {
        return "PUBLISHED".equals(status);
    }

    /**
     * Whether a catalog event about this exercise is newer than what is held: a higher version, or
     * the same version retired (a retirement keeps the last published version number).
     */
    public static boolean isNewer(int version, String status, CatalogExercise held) {
        if (held == null) {
            return true;
        }
        return version > held.version || (version == held.version && "RETIRED".equals(status) && held.published());
    }
}
