package org.limber.routine.rest;

import java.net.URI;
import java.time.Clock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.time.Timestamps;
import org.limber.routine.rest.QuestionnaireViews.AnsweredView;
import org.limber.routine.rest.QuestionnaireViews.PathwayView;
import org.limber.routine.rest.QuestionnaireViews.QuestionnairesView;
import org.limber.routine.service.QuestionnaireService;

/** The member's own questionnaires: what is due, and answering one; the member is the token's subject. */
@Path("/members/me/questionnaires")
@RolesAllowed("member")
@SecurityRequirement(name = "oidc")
@Tag(name = "Member", description = "Intake, plan and session logging for the member holding the token")
public class MemberQuestionnaireResource {

    /** An answer taken: the stored, scored answer and (STarT Back) the pathway it puts the member on. */
    public record Taken(AnsweredView response, PathwayView pathway) {}

    private final QuestionnaireService questionnaires;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;

    public MemberQuestionnaireResource(
            QuestionnaireService questionnaires, SecurityIdentity identity, ObjectMapper json, Clock clock) {
        this.questionnaires = questionnaires;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "myQuestionnaires",
            summary = "The questionnaires due now and those answered",
            description =
                    "At the start of the program (the first plan's start) STarT Back and PEG (BASELINE); PEG again at week 6 and at the end of the program (END; with the 12-week program the week-12 PEG is the END one). A timepoint lapses when the next one falls due, the last 28 days after. Nothing is due before the first plan.")
    @APIResponse(
            responseCode = "200",
            description = "Due and answered",
            content = @Content(schema = @Schema(implementation = QuestionnairesView.class)))
    public QuestionnairesView mine() {
        return QuestionnairesView.of(questionnaires.overview(member(), Timestamps.today(clock)), questionnaires);
    }

    @POST
    @Path("/{code}/responses")
    @Consumes({QuestionnaireResource.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "answerQuestionnaire",
            summary = "Answer a questionnaire with a FHIR R4 QuestionnaireResponse",
            description =
                    "The QuestionnaireResponse's id is a UUID the client makes once (the idempotency key: a retry answers the same, Idempotent-Replayed: true); status completed; questionnaire (optional) the canonical; authored (optional) when the member answered, within the sessions' window; item[].answer[] valueInteger (PEG, 0-10) or valueCoding (STarT Back, a code of the item's answerOptions). Every required item must be answered. Checked, scored, stored and published as QuestionnaireCompleted; the timepoint is the one due on the authored day.")
    @RequestBody(
            content = @Content(mediaType = QuestionnaireResource.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "201",
            description = "Taken (or taken before under the same id)",
            content = @Content(schema = @Schema(implementation = Taken.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad field, or an item missing or out of range: each names its linkId")
    @APIResponse(responseCode = "404", description = "No questionnaire with this code")
    @APIResponse(
            responseCode = "409",
            description =
                    "not-due: nothing of this questionnaire is due (answered, or not yet due); conflict: the id was used for other answers")
    public Response answer(@PathParam("code") String code, String body) {
        var shipped = questionnaires.questionnaire(code);
        var request = QuestionnaireResponseBody.read(json, body, code, shipped.instrument());
        QuestionnaireService.Answered taken = questionnaires.answer(member(), request);
        PathwayView pathway = "STARTBACK".equals(code)
                ? questionnaires.pathway(member()).map(PathwayView::of).orElse(null)
                : null;
        return Response.created(URI.create("/members/me/questionnaires"))
                .header("Idempotent-Replayed", String.valueOf(taken.replay()))
                .entity(new Taken(AnsweredView.of(taken.response()), pathway))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    private String member() {
        return identity.getPrincipal().getName();
    }
}
