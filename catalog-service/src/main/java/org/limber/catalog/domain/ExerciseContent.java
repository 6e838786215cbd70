package org.limber.catalog.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 120) String> aliases,
        @NotBlank @Size(max = 1000) String description,
        @NotNull Category category,
        @NotEmpty List<@NotNull Region> regions,
        @NotNull @Size(max = 12) List<@NotBlank @Size(max = 80) String> muscles,
        @NotNull Position position,
        @NotEmpty List<@NotNull Equipment> equipment,
        @NotNull Level level,
        boolean unilateral,
        @NotNull @Valid Dose dose,
        @NotEmpty @Size(max = 15) List<@NotBlank @Size(max = 500) String> steps,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> mayFeel,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> tips,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 500) String> commonMistakes,
        @NotNull Direction direction,
        @NotNull SpinalLoad spinalLoad,
        @NotNull List<@NotNull SafetyTag> safetyTags,
        @NotNull List<@NotNull @Pattern(regexp = Slugs.PATTERN) String> easier,
        @NotNull List<@NotNull @Pattern(regexp = Slugs.PATTERN) String> harder) {
}
