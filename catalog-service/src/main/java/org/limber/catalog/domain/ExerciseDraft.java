package org.limber.catalog.domain;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An editor's work in progress on an exercise, new or existing. */
@Entity
@Table(name = "exercise_draft")
public class ExerciseDraft {

    @Id
    public String slug;

    @JdbcTypeCode(SqlTypes.JSON)
    public ExerciseContent content;

    /** Optimistic lock: each save increments it; it is the draft's ETag. */
    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    /** The published version this draft started from, or null for a new exercise. */
    @Column(name = "base_version")
    public Integer baseVersion;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
