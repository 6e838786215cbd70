package org.limber.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SpinalLoad;

/** An exercise as the public sees it: its current published (or retired) version. */
@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    public String slug;

    public int version;

    @Enumerated(EnumType.STRING)
    public ExerciseStatus status;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public Position position;

    @Enumerated(EnumType.STRING)
    public Level level;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "spinal_load")
    public SpinalLoad spinalLoad;

    public boolean unilateral;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> regions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> equipment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "safety_tags")
    public List<String> safetyTags;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> easier;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> harder;

    @Column(name = "search_text")
    public String searchText;

    @JdbcTypeCode(SqlTypes.JSON)
    public ExerciseContent content;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Column(name = "seed_hash")
    public String seedHash;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retire_reason")
    public String retireReason;

    /** Makes this row show {@code content} as published version {@code version}. */
    public void show(int version, ExerciseContent content, Origin origin, String seedHash, Instant at) {
        this.version = version;
        this.status = ExerciseStatus.PUBLISHED;
        this.content = content;
        this.origin = origin;
        this.seedHash = seedHash;
        this.publishedAt = at;
        this.retiredAt = null;
        this.retireReason = null;
        this.name = content.name();
        this.category = content.category();
        this.position = content.position();
        this.level = content.level();
        this.direction = content.direction();
        this.spinalLoad = content.spinalLoad();
        this.unilateral = content.unilateral();
        this.regions = names(content.regions());
        this.equipment = names(content.equipment());
        this.safetyTags = names(content.safetyTags());
        this.easier = List.copyOf(content.easier());
        this.harder = List.copyOf(content.harder());
        this.searchText = Stream.concat(Stream.of(content.name(), content.description()), content.aliases().stream())
                .collect(Collectors.joining(" \n "))
                .toLowerCase(Locale.ROOT);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
