package org.limber.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.limber.catalog.domain.ExerciseContent;
import org.limber.catalog.domain.Slugs;

/** The request bodies of the editorial API. */
public final class EditorRequests {

    private EditorRequests() {}

    /** A draft of a new exercise. */
    public record NewDraft(
            @NotNull
            @Pattern(
                    regexp = Slugs.PATTERN,
                    message = "must be 3-60 lower-case letters or digits in words joined by hyphens")
            String slug,

            @NotNull @Valid ExerciseContent content) {}

    /**
     * New content for a draft. {@code revision} is the draft revision the editor started from;
     * it may be sent here instead of an If-Match header.
     */
    public record DraftUpdate(
            Integer revision, @NotNull @Valid ExerciseContent content) {}

    public record Publish(
            Integer revision, @Size(max = 1000) String note) {}

    public record Retire(@NotBlank @Size(max = 1000) String reason) {}
}
