package org.limber.routine.rest;

import java.net.URI;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.paging.Page;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.problem.ProblemMappers;
import org.limber.common.rest.QueryParams;
import org.limber.routine.domain.SessionLog;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.safety.RedFlagAdvice.SafetyMessage;
import org.limber.routine.rest.MemberViews.SymptomReportView;
import org.limber.routine.rest.PlanViews.SessionView;
import org.limber.routine.service.RuleBook;
import org.limber.routine.service.SessionService;
import org.limber.routine.service.SymptomService;

/**
 * A member's own sessions and symptom reports; the member is the token's subject. Red flags are read first:
 * whatever else is wrong with a session, the red-flag symptoms it reports are kept and answered.
 */
@Path("/members/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("member")
@SecurityRequirement(name = "oidc")
@Tag(name = "Member", description = "Intake, plan and session logging for the member holding the token")
public class MemberSessionsResource {

    private final SessionService sessions;
    private final SymptomService symptoms;
    private final SecurityIdentity identity;
    private final RuleBook ruleBook;
    private final ObjectMapper json;
    private final Validator validator;

    public MemberSessionsResource(
            SessionService sessions,
            SymptomService symptoms,
            SecurityIdentity identity,
            RuleBook ruleBook,
            ObjectMapper json,
            Validator validator) {
        this.sessions = sessions;
        this.symptoms = symptoms;
        this.identity = identity;
        this.ruleBook = ruleBook;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Path("/sessions")
    @Operation(
            summary = "Log a session",
            description =
                    "Idempotent on sessionId: a retry with the same content gets the same answer and no second event. A session that reports red-flag symptoms is stored and published, suspends the plan at once, and its answer carries a safety message (what to do now). Red flags are read first: when the session is refused for anything else (400, 409 plan-suspended, 422), every valid red-flag code in it is still kept as a symptom report (id = sessionId), published and suspending the plan, and the problem carries symptomReport with its safety message beside the field errors.")
    @APIResponse(
            responseCode = "201",
            description = "Logged (or logged before by the same request)",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Missing or out-of-range fields")
    @APIResponse(
            responseCode = "409",
            description =
                    "The session id was used for another session, or plan-suspended: the plan is suspended until a clinician has looked")
    @APIResponse(responseCode = "422", description = "It does not match the plan (version, session, exercises, time)")
    public Response logSession(
            @RequestBody(content = @Content(schema = @Schema(implementation = SessionRequest.class))) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(
                    400,
                    "The request body cannot be read.",
                    List.of(new FieldProblem("body", "must be a JSON object")));
        }
        // Red flags are read first: whatever else is wrong with the request, they are kept and answered.
        List<RedFlag> redFlags = SessionBody.redFlags(body);
        SessionRequest request;
        try {
            request = json.treeToValue(body, SessionRequest.class);
        } catch (JsonProcessingException e) {
            throw keepRedFlags(ProblemMappers.unreadable(e), body, redFlags);
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw keepRedFlags(ProblemMappers.invalid(violations), body, redFlags);
        }
        SessionService.Outcome outcome = sessions.log(member(), request.toNewSession());
        if (outcome instanceof SessionService.Mismatched mismatched) {
            throw withSafety(
                    ProblemException.invalid(422, "The session does not match your plan.", mismatched.problems()),
                    mismatched.keptSymptoms());
        }
        if (outcome instanceof SessionService.WhileSuspended suspended) {
            throw withSafety(suspended.refusal(), suspended.keptSymptoms());
        }
        SessionService.Logged logged = (SessionService.Logged) outcome;
        return Response.created(URI.create("/members/me/sessions/" + logged.session().sessionId))
                .header("Idempotent-Replayed", String.valueOf(logged.replay()))
                .entity(view(logged.session()))
                .build();
    }

    /** A session body refused before the service (unreadable, invalid) still has its red flags kept as a symptom report. */
    private ProblemException keepRedFlags(ProblemException refused, JsonNode body, List<RedFlag> redFlags) {
        if (redFlags.isEmpty()) {
            return refused;
        }
        String member = member();
        return withSafety(
                refused,
                symptoms.report(
                        member,
                        new SymptomService.NewReport(
                                SessionBody.sessionId(body, member), redFlags, SessionBody.note(body), null)));
    }

    /** The safety message (what to do now) and the kept symptom report beside the field errors. */
    private ProblemException withSafety(ProblemException problem, SymptomService.Reported kept) {
        if (kept == null) {
            return problem;
        }
        var r = kept.report();
        return problem.with(
                "symptomReport",
                SymptomReportView.of(
                        r, safety(r.redFlags.stream().map(RedFlag::valueOf).toList())));
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "Logged sessions, most recent first")
    public Page<SessionView> sessions(@QueryParam("page") String page, @QueryParam("size") String size) {
        return sessions.history(member(), QueryParams.page(page), QueryParams.size(size))
                .map(this::view);
    }

    @POST
    @Path("/symptoms")
    @Operation(
            summary = "Report red-flag symptoms without a session",
            description =
                    "Stored and published at once (a clinician is alerted), suspends the plan in force, and the answer carries a safety message: what to do now, per symptom, most urgent first. Idempotent on reportId: a retry with the same content gets the same answer (Idempotent-Replayed: true) and no second event.")
    @APIResponse(
            responseCode = "201",
            description = "Reported (or reported before by the same request)",
            content = @Content(schema = @Schema(implementation = SymptomReportView.class)))
    @APIResponse(responseCode = "400", description = "Missing, repeated, unknown or out-of-range fields; each is named")
    @APIResponse(responseCode = "409", description = "The report id was used for another report")
    public Response reportSymptoms(@NotNull @Valid SymptomRequest request) {
        SymptomService.Reported reported = symptoms.report(member(), request.toNewReport());
        var r = reported.report();
        return Response.created(URI.create("/members/me/symptoms/" + r.reportId))
                .header("Idempotent-Replayed", String.valueOf(reported.replay()))
                .entity(SymptomReportView.of(
                        r, safety(r.redFlags.stream().map(RedFlag::valueOf).toList())))
                .build();
    }

    private SessionView view(SessionLog session) {
        return SessionView.of(session, ruleBook);
    }

    private SafetyMessage safety(List<RedFlag> redFlags) {
        return ruleBook.advice().messageFor(redFlags);
    }

    private String member() {
        return identity.getPrincipal().getName();
    }
}
