package org.limber.catalog.domain;

import java.io.Serializable;
import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of an exercise; never changes once written. */
@Entity
@Immutable
@Table(name = "exercise_version")
@IdClass(ExerciseVersion.Key.class)
public class ExerciseVersion {

    public record Key(String slug, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String slug;

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public ExerciseContent content;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    public String author;

    public String note;

    @Column(name = "published_at")
    public Instant publishedAt;
}
