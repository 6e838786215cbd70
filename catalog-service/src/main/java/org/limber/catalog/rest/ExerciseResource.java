package org.limber.catalog.rest;

import java.util.List;
import java.util.Set;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.catalog.domain.CatalogIndex;
import org.limber.catalog.domain.ExerciseFilter;
import org.limber.catalog.rest.ExerciseViews.Detail;
import org.limber.catalog.rest.ExerciseViews.Summary;
import org.limber.catalog.rest.ExerciseViews.Variations;
import org.limber.catalog.service.CatalogService;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.ConditionalGet;
import org.limber.common.rest.QueryParams;
import org.limber.common.rest.Representation;
import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.Region;
import org.limber.events.catalog.SafetyTag;

@Path("/exercises")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@ConditionalGet(maxAge = 60)
@Tag(name = "Exercises", description = "The published exercise library; no token needed")
// Answered from memory (CatalogService, CatalogBodies) on the event loop: nothing here blocks.
public class ExerciseResource {

    private final CatalogService catalog;
    private final CatalogBodies bodies;

    public ExerciseResource(CatalogService catalog, CatalogBodies bodies) {
        this.catalog = catalog;
        this.bodies = bodies;
    }

    @GET
    @Operation(
            summary = "Search published exercises",
            description = "All filters combine (AND). Sorted stably; pages count from 0.")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A filter value is invalid; the problem names the parameter")
    @APIResponseSchema(
            value = ExerciseViews.SummaryPage.class,
            responseCode = "200",
            responseDescription = "A page of exercises")
    public Uni<Representation> search(
            @Parameter(description = "Words or part of a word, matched in name, aliases and description")
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description =
                                    "One of "
                                            + "MOBILITY, STRETCH, CORE_STABILITY, STRENGTHENING, FUNCTIONAL, BREATHING, AEROBIC, SOFT_TISSUE_RELEASE")
                    @QueryParam("category")
                    String category,
            @Parameter(description = "A body region the exercise works, e.g. LOWER_BACK") @QueryParam("region")
                    String region,
            @Parameter(description = "Starting position, e.g. STANDING") @QueryParam("position") String position,
            @Parameter(description = "BEGINNER, INTERMEDIATE or ADVANCED") @QueryParam("level") String level,
            @Parameter(description = "FLEXION, EXTENSION, ROTATION, LATERAL or NEUTRAL") @QueryParam("direction")
                    String direction,
            @Parameter(
                            description =
                                    "Repeatable: equipment at hand; only exercises that need nothing else are returned")
                    @QueryParam("equipment")
                    List<String> equipment,
            @Parameter(description = "Repeatable: leave out exercises with this safety tag") @QueryParam("excludeTag")
                    List<String> excludeTags,
            @Parameter(description = "NAME (default), LEVEL, CATEGORY or RECENT") @QueryParam("sort") String sort,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size) {
        ExerciseFilter.Sort order = QueryParams.enumValue("sort", sort, ExerciseFilter.Sort.class);
        ExerciseFilter filter = new ExerciseFilter(
                q == null || q.isBlank() ? null : q.trim(),
                QueryParams.enumValue("category", category, Category.class),
                QueryParams.enumValue("region", region, Region.class),
                QueryParams.enumValue("position", position, Position.class),
                QueryParams.enumValue("level", level, Level.class),
                QueryParams.enumValue("direction", direction, Direction.class),
                QueryParams.enumSet("equipment", equipment, Equipment.class),
                QueryParams.enumSet("excludeTag", excludeTags, SafetyTag.class),
                order == null ? ExerciseFilter.Sort.NAME : order,
                QueryParams.page(page),
                QueryParams.size(size));
        if (filter.q() == null || catalog.knowsWords(filter.q())) {
            return Uni.createFrom().item(search(filter));
        }
        // New search words: their lexemes come from the database once, off the event loop.
        return Uni.createFrom().item(() -> search(filter)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Representation search(ExerciseFilter filter) {
        CatalogIndex index = catalog.index();
        return bodies.body(
                index,
                "search " + filter,
                () -> index.search(filter, filter.q() == null ? Set.of() : catalog.lexemes(filter.q()))
                        .map(Summary::of));
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One exercise in full, with its direct easier and harder variations")
    @APIResponseSchema(
            value = Detail.class,
            responseCode = "200",
            responseDescription = "The exercise (a retired one says so in its status)")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @NonBlocking
    public Representation exercise(@PathParam("slug") String slug) {
        CatalogIndex index = catalog.index();
        return bodies.body(
                index, "exercise " + slug, () -> Detail.of(index.linked(slug).orElseThrow(() -> notFound(slug))));
    }

    @GET
    @Path("/{slug}/variations")
    @Operation(summary = "The whole easier-to-harder family of an exercise, in order")
    @APIResponseSchema(
            value = Variations.class,
            responseCode = "200",
            responseDescription = "The family, easiest first, the exercise itself included")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @NonBlocking
    public Representation variations(@PathParam("slug") String slug) {
        CatalogIndex index = catalog.index();
        return bodies.body(
                index,
                "variations " + slug,
                () -> new Variations(
                        slug,
                        index.variations(slug).orElseThrow(() -> notFound(slug)).stream()
                                .map(Summary::of)
                                .toList()));
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("There is no exercise " + slug + ".");
    }
}
