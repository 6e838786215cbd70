package org.limber.catalog.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A default prescription: repetitions (optionally held) or a duration, in sets with rest, and
 * the range within which progression and regression may move each part.
 */
public record Dose(
        @Min(1) @Max(10) int sets,
        @Min(1) @Max(50) Integer reps,
        @Min(1) @Max(120) Integer holdSeconds,
        @Min(10) @Max(3600) Integer durationSeconds,
        @Min(0) @Max(300) int restSeconds,
        @NotNull @Valid DoseRange range) {

    public record DoseRange(
            @NotNull @Valid Range sets,
            @Valid Range reps,
            @Valid Range holdSeconds,
            @Valid Range durationSeconds) {}

    public record Range(
            @Min(0) @Max(3600) int min, @Min(1) @Max(3600) int max) {

        boolean contains(int value) {
            return value >= min && value <= max;
        }
    }
}
