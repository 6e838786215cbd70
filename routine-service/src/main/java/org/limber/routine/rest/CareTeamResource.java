package org.limber.routine.rest;

import java.util.List;
import java.util.UUID;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.validator.constraints.UniqueElements;

import org.limber.common.audit.AuditedAccess;
import org.limber.common.paging.Page;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.events.Ids;
import org.limber.routine.domain.CareAssignment;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.SuspensionReview;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.rest.PlanViews.AdaptationView;
import org.limber.routine.rest.PlanViews.CareAssignmentView;
import org.limber.routine.rest.PlanViews.CarePlanView;
import org.limber.routine.rest.PlanViews.ChangeView;
import org.limber.routine.rest.PlanViews.HoldView;
import org.limber.routine.rest.PlanViews.PlanView;
import org.limber.routine.rest.PlanViews.ReviewedView;
import org.limber.routine.rest.PlanViews.SessionView;
import org.limber.routine.rest.PlanViews.SuspensionView;
import org.limber.routine.service.CareTeamService;
import org.limber.routine.service.PlanService;
import org.limber.routine.service.RuleBook;
import org.limber.routine.service.SessionService;
import org.limber.routine.service.SuspensionService;

/** Care teams: a clinician's view and tailoring of their members' plans; admins assign members to clinicians. */
@Path("/members/{memberId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Care team", description = "Clinicians (for members on their panel) and admins")
public class CareTeamResource {

    public record Assignment(
            @NotBlank @Size(max = Ids.MAX_LENGTH) String clinicianId) {}

    public record Undo(@NotBlank @Size(max = 2000) String note) {}

    /**
     * A clinician's review of a suspended plan or a referral: every red flag it names assessed, the
     * outcome, its text (required for OTHER), and a note.
     */
    public record Resume(
            @NotNull @Size(min = 1, max = 32) @UniqueElements
            List<@NotNull RedFlag> redFlagsAssessed,

            @NotNull SuspensionReview.Outcome outcome,
            @Size(max = 2000) String outcomeText,
            @NotBlank @Size(max = 2000) String note) {

        SuspensionService.Review toReview() {
            if (outcome == SuspensionReview.Outcome.OTHER && (outcomeText == null || outcomeText.isBlank())) {
                throw ProblemException.invalid(
                        400,
                        "The review has invalid fields.",
                        List.of(new FieldProblem("outcomeText", "say what the outcome is when it is OTHER")));
            }
            return new SuspensionService.Review(redFlagsAssessed, outcome, outcomeText, note);
        }
    }

    public record AdaptationChange(
            @NotNull Boolean enabled,

            @Schema(
                    description =
                            "After spine surgery: clear automatic progression for the member (true) or withdraw it (false); omitted: unchanged")
            Boolean progressionCleared,

            @NotBlank @Size(max = 2000) String note) {}

    private final PlanService plans;
    private final CareTeamService careTeam;
    private final SecurityIdentity identity;
    private final SuspensionService suspensions;
    private final SessionService sessions;
    private final RuleBook ruleBook;

    public CareTeamResource(
            PlanService plans,
            CareTeamService careTeam,
            SecurityIdentity identity,
            SuspensionService suspensions,
            SessionService sessions,
            RuleBook ruleBook) {
        this.sessions = sessions;
        this.ruleBook = ruleBook;
        this.suspensions = suspensions;
        this.plans = plans;
        this.careTeam = careTeam;
        this.identity = identity;
    }

    @GET
    @Path("/plan")
    @AuditedAccess(resource = "plan", member = "memberId")
    @RolesAllowed("clinician")
    @Operation(
            operationId = "memberPlan",
            summary = "A member's plan in force, with who changed it and why",
            description =
                    "Recent automatic changes (adaptations to the weekly assessments) are listed apart from clinicians' tailoring; adaptation tells whether the plan adapts automatically; status ACTIVE or SUSPENDED (with the suspension's cause and red flags).")
    @APIResponse(
            responseCode = "200",
            description = "The member's plan",
            content = @Content(schema = @Schema(implementation = CarePlanView.class)))
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public CarePlanView plan(@PathParam("memberId") String memberId) {
        PlanService.CareView view = plans.forClinician(caller(), memberId);
        return CarePlanView.of(
                view,
                view.suspension() == null
                        ? null
                        : SuspensionView.of(view.suspension(), suspensions.explain(view.suspension())));
    }

    @POST
    @Path("/plan/resume")
    @AuditedAccess(resource = "plan", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @RolesAllowed("clinician")
    @Operation(
            summary = "Record a review of a suspended plan or a referral; it resumes the plan unless referred on",
            description =
                    "After looking at the member's red flags: which were assessed (every one that suspended the plan), the outcome (EXCLUDED_SAFE_TO_CONTINUE, REFERRED_ON, or OTHER with outcomeText) and a note. EXCLUDED_SAFE_TO_CONTINUE and OTHER end the suspension (PlanResumed, how RESUMED) or clear a referral made before any plan (the member may take the intake again); REFERRED_ON is recorded and keeps the plan suspended. Only a review ends a suspension: tailoring or undoing a change of a suspended plan keeps it suspended. adaptationOn says whether automatic adaptation is on now.")
    @APIResponse(responseCode = "200", description = "Recorded; status says whether the plan runs again")
    @APIResponse(responseCode = "400", description = "A field is missing, unknown or too long; each is named")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    @APIResponse(
            responseCode = "409",
            description = "Nothing to review: the plan is not suspended and no referral waits")
    @APIResponse(responseCode = "422", description = "redFlagsAssessed leaves out a red flag that suspended the plan")
    public ReviewedView resume(@PathParam("memberId") String memberId, @NotNull @Valid Resume request) {
        return ReviewedView.of(suspensions.review(caller(), memberId, request.toReview()));
    }

    @GET
    @Path("/plan/suspension")
    @AuditedAccess(resource = "plan", member = "memberId")
    @RolesAllowed("clinician")
    @Operation(
            summary = "The member's open suspension or referral, with the reviews recorded so far",
            description =
                    "What a review is about: the red flags, what reported them and when; referral is true when no plan exists yet (a red flag at the first intake). 404 when the member is not held.")
    @APIResponse(
            responseCode = "200",
            description = "The suspension or referral",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    @APIResponse(responseCode = "404", description = "The member's plan is not suspended and no referral waits")
    public HoldView suspension(@PathParam("memberId") String memberId) {
        SuspensionService.Hold hold = suspensions.holdForClinician(caller(), memberId);
        return HoldView.of(hold, suspensions.explain(hold.suspension()));
    }

    @GET
    @Path("/plan/changes")
    @AuditedAccess(resource = "plan-changes", member = "memberId")
    @RolesAllowed("clinician")
    @Operation(operationId = "memberPlanChanges", summary = "Every change to a member's plan and why, newest first")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public Page<ChangeView> changes(
            @PathParam("memberId") String memberId, @QueryParam("page") String page, @QueryParam("size") String size) {
        return plans.changesForClinician(caller(), memberId, QueryParams.page(page), QueryParams.size(size))
                .map(ChangeView::of);
    }

    @GET
    @Path("/sessions")
    @AuditedAccess(resource = "sessions", member = "memberId")
    @RolesAllowed("clinician")
    @Operation(
            operationId = "memberSessions",
            summary = "A member's logged sessions, most recent first",
            description =
                    "As the member sees them (GET /members/me/sessions): each exercise done, skipped (with the reason) or stopped, pain, effort, the member's note and any red flags.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public Page<SessionView> sessions(
            @PathParam("memberId") String memberId, @QueryParam("page") String page, @QueryParam("size") String size) {
        return sessions.historyForClinician(caller(), memberId, QueryParams.page(page), QueryParams.size(size))
                .map(s -> SessionView.of(s, ruleBook));
    }

    @POST
    @Path("/plan/changes/{changeId}/undo")
    @AuditedAccess(resource = "plan", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @RolesAllowed("clinician")
    @Operation(
            summary = "Undo an automatic change",
            description =
                    "The exercise goes back to what it was, locked against further automatic changes (a change of the whole plan, such as the flare plan, brings back the plan before it); the result is the next version.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    @APIResponse(responseCode = "404", description = "No such change for this member")
    @APIResponse(
            responseCode = "409",
            description = "Not an automatic change, undone already, or the plan has changed since")
    public PlanView undo(
            @PathParam("memberId") String memberId,
            @PathParam("changeId") UUID changeId,
            @NotNull @Valid Undo request) {
        return withStanding(plans.undo(caller(), memberId, changeId, request.note()));
    }

    @PUT
    @Path("/plan/adaptation")
    @AuditedAccess(resource = "plan", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @RolesAllowed("clinician")
    @Operation(
            summary = "Turn automatic adaptation of a member's plan on or off",
            description =
                    "A red flag reported in a session turns it off; a clinician turns it back on after review. After spine surgery, the plan is not made harder automatically until a clinician sets progressionCleared.")
    @APIResponse(
            responseCode = "200",
            description = "Set; whether the plan adapts automatically now",
            content = @Content(schema = @Schema(implementation = AdaptationView.class)))
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public AdaptationView adaptation(@PathParam("memberId") String memberId, @NotNull @Valid AdaptationChange request) {
        return AdaptationView.of(plans.setAdaptation(
                caller(), memberId, request.enabled(), request.progressionCleared(), request.note()));
    }

    @PUT
    @Path("/plan")
    @AuditedAccess(resource = "plan", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @RolesAllowed("clinician")
    @Operation(
            summary = "Tailor a member's plan",
            description =
                    "Swap an exercise, change a dose, pause or resume an item, with a note; the result is the next version. Swapping in an exercise the rules leave out for this member needs an override with a reason, which is recorded.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    @APIResponse(
            responseCode = "422",
            description = "A change does not apply (unknown item, excluded exercise without override, bad dose)")
    public PlanView tailor(@PathParam("memberId") String memberId, @NotNull @Valid TailorRequest request) {
        return withStanding(plans.tailor(
                caller(),
                memberId,
                request.changes().stream().map(TailorRequest.Change::toDomain).toList(),
                request.note(),
                request.override() == null ? null : request.override().reason()));
    }

    /** A new version as it stands: SUSPENDED, with the suspension, while one is open (tailoring does not end it). */
    private PlanView withStanding(Plan plan) {
        return PlanView.of(
                plan,
                suspensions
                        .open(plan.memberId)
                        .map(s -> SuspensionView.of(s, suspensions.explain(s)))
                        .orElse(null));
    }

    @PUT
    @Path("/care-team")
    @AuditedAccess(resource = "care-team", member = "memberId", operation = AuditedAccess.Operation.CHANGE)
    @RolesAllowed("admin")
    @Operation(
            summary = "Assign a member to a clinician's panel",
            description =
                    "Publishes CareTeamAssigned with the member's next assignment number, plan or no plan (and PlanAssigned again when there is a plan); the same assignment again changes nothing and publishes nothing.")
    public CareAssignmentView assign(@PathParam("memberId") String memberId, @NotNull @Valid Assignment request) {
        CareAssignment a = careTeam.assignToClinician(memberId, request.clinicianId(), caller());
        return new CareAssignmentView(a.memberId, a.clinicianId, a.assignedBy, a.assignedAt);
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
