package org.limber.routine.rest;

import java.util.List;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.routine.service.QuestionnaireService;

/**
 * The shipped validated questionnaires as FHIR R4 {@code Questionnaire} resources ({@code application/fhir+json}),
 * as exercise-content ships them: an app renders the items from them. Public: the same for everyone, no member data.
 */
@Path("/questionnaires")
@PermitAll
@Tag(name = "Questionnaires", description = "The validated questionnaires (PEG, STarT Back) as FHIR R4 Questionnaires")
public class QuestionnaireResource {

    static final String FHIR_JSON = "application/fhir+json";

    /** One questionnaire in the list: its code, canonical and title. */
    public record Listed(String code, String canonical, String title) {}

    private final QuestionnaireService questionnaires;

    public QuestionnaireResource(QuestionnaireService questionnaires) {
        this.questionnaires = questionnaires;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listQuestionnaires", summary = "The shipped questionnaires: code, canonical, title")
    @APIResponse(
            responseCode = "200",
            description = "The questionnaires",
            content = @Content(schema = @Schema(implementation = Listed.class, type = SchemaType.ARRAY)))
    public List<Listed> list() {
        return questionnaires.questionnaires().stream()
                .map(s -> new Listed(
                        s.instrument().code(),
                        s.instrument().canonical(),
                        s.resource().path("title").asText()))
                .toList();
    }

    @GET
    @Path("/{code}")
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "getQuestionnaire",
            summary = "A questionnaire as a FHIR R4 Questionnaire",
            description =
                    "code PEG or STARTBACK. Items carry linkId, type (integer with the minValue/maxValue extensions, or choice with answerOptions whose ordinalValue extension is the score), required; the description states the scoring rule and copyright the licence.")
    @APIResponse(
            responseCode = "200",
            description = "The Questionnaire resource",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No questionnaire with this code")
    public Response questionnaire(@PathParam("code") String code) {
        return Response.ok(questionnaires.questionnaire(code).resource().toString(), FHIR_JSON)
                .build();
    }
}
