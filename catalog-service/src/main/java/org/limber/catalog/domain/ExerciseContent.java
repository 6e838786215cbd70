package org.limber.catalog.domain;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.UniqueElements;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;
import org.limber.events.catalog.SpinalLoad;

/**
 * Everything an editor writes about an exercise (all but its slug). Field-level rules are
 * constraints here; rules across fields are in {@link ContentRules}.
 */
public record ExerciseContent(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Size(max = 10) @UniqueElements List<@NotBlank @Size(max = 120) String> aliases,
        @NotBlank @Size(max = 1000) String description,
        @NotNull Category category,
        @NotEmpty @Size(max = 20) @UniqueElements List<@NotNull Region> regions,
        @NotNull @Size(max = 12) @UniqueElements List<@NotBlank @Size(max = 80) String> muscles,
        @NotNull Position position,
        @NotEmpty @Size(max = 20) @UniqueElements List<@NotNull Equipment> equipment,
        @NotNull Level level,
        boolean unilateral,
        @NotNull @Valid Dose dose,
        @NotEmpty @Size(max = 15) List<@NotBlank @Size(max = 500) String> steps,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> mayFeel,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> tips,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> commonMistakes,
        @NotNull Direction direction,
        @NotNull SpinalLoad spinalLoad,
        @NotNull @Size(max = 20) @UniqueElements List<@NotNull SafetyTag> safetyTags,
        @NotNull @Size(max = 10) @UniqueElements List<@NotNull @Pattern(regexp = Slugs.PATTERN) String> easier,
        @NotNull @Size(max = 10) @UniqueElements List<@NotNull @Pattern(regexp = Slugs.PATTERN) String> harder) {}
