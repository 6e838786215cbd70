package org.limber.routine.rest;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.paging.Page;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.rest.QueryParams;
import org.limber.common.time.Timestamps;
import org.limber.routine.config.RoutineConfig;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.safety.RedFlagAdvice.SafetyMessage;
import org.limber.routine.rest.MemberViews.IntakeOutcome;
import org.limber.routine.rest.MemberViews.PlanVersionSummary;
import org.limber.routine.rest.MemberViews.TodayView;
import org.limber.routine.rest.PlanViews.ChangeView;
import org.limber.routine.rest.PlanViews.PlanView;
import org.limber.routine.rest.PlanViews.SuspensionView;
import org.limber.routine.service.IntakeService;
import org.limber.routine.service.PlanService;
import org.limber.routine.service.QuestionnaireService;
import org.limber.routine.service.RuleBook;
import org.limber.routine.service.ScreeningService;
import org.limber.routine.service.SuspensionService;

/** A member's own intake, screening and plan; the member is the token's subject (sessions: {@link MemberSessionsResource}). */
@Path("/members/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("member")
@SecurityRequirement(name = "oidc")
@Tag(name = "Member", description = "Intake, plan and session logging for the member holding the token")
public class MemberResource {

    private final IntakeService intakes;
    private final PlanService plans;
    private final SecurityIdentity identity;
    private final RoutineConfig config;
    private final SuspensionService suspensions;
    private final RuleBook ruleBook;
    private final ScreeningService screenings;
    private final QuestionnaireService questionnaires;
    private final Clock clock;

    public MemberResource(
            IntakeService intakes,
            PlanService plans,
            SecurityIdentity identity,
            RoutineConfig config,
            SuspensionService suspensions,
            RuleBook ruleBook,
            ScreeningService screenings,
            QuestionnaireService questionnaires,
            Clock clock) {
        this.screenings = screenings;
        this.questionnaires = questionnaires;
        this.config = config;
        this.suspensions = suspensions;
        this.ruleBook = ruleBook;
        this.intakes = intakes;
        this.plans = plans;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Path("/intake")
    @Operation(
            summary = "Take the intake",
            description =
                    "Every screening question needs an explicit answer. Any red flag answered yes refers the member to a clinician (outcome REFERRED, no plan, a safety message; a plan in force is suspended at once); otherwise the plan's next version is built (outcome PLAN_CREATED), unless no safe session fits the member (outcome NEEDS_REVIEW, no plan, the reason; a clinician is alerted). inflammatoryBackPain is not a red flag: the plan is built and a clinician is asked to review it.")
    @APIResponse(
            responseCode = "201",
            description = "Taken (or, under the same intakeId, taken before); Location is the plan when one was made",
            content = @Content(schema = @Schema(implementation = IntakeOutcome.class)))
    @APIResponse(responseCode = "400", description = "Missing or out-of-range answers; each field is named")
    @APIResponse(
            responseCode = "409",
            description =
                    "plan-suspended: the plan is suspended until a clinician has looked; a new intake does not restart it. conflict: the intakeId was used before for other answers")
    @APIResponse(
            responseCode = "503",
            description =
                    "catalog-not-ready: the exercise library is still being loaded into this service (Retry-After); referrals are taken all the same")
    public Response intake(@NotNull @Valid IntakeRequest request) {
        List<FieldProblem> problems =
                request.problems(clock.instant(), config.intake().maxBackdate());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(400, "The intake has invalid answers.", problems);
        }
        IntakeService.IntakeAndPlan taken =
                intakes.take(member(), request.intakeId(), request.toIntake(), request.takenAt());
        return Response.created(URI.create(
                        taken.plan() == null ? "/members/me/intake/" + taken.intake().id : "/members/me/plan"))
                .header("Idempotent-Replayed", String.valueOf(taken.replay()))
                .entity(IntakeOutcome.of(taken, safety(taken.redFlags())))
                .build();
    }

    @GET
    @Path("/plan")
    @Operation(
            summary = "The plan in force, every item with its reason",
            description =
                    "status ACTIVE or SUSPENDED; while suspended, suspension says why and what to do. due: what the member is asked to do now (SCREENING, QUESTIONNAIRE). pathway: the stratified-care pathway from STarT Back (riskGroup, pathway PSYCHOLOGICALLY_INFORMED / CLOSER_FOLLOW_UP / SELF_MANAGEMENT, the note for the member), null before any answer.")
    @APIResponse(
            responseCode = "200",
            description = "The plan in force",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No plan yet")
    public PlanView plan() {
        PlanService.PlanAndSuspension planAndSuspension = plans.planAndSuspension(member());
        List<MemberViews.DueView> due = new ArrayList<>();
        screenings
                .due(member(), Timestamps.today(clock))
                .map(MemberViews.DueView::screening)
                .ifPresent(due::add);
        questionnaires.overview(member(), Timestamps.today(clock)).due().stream()
                .map(MemberViews.DueView::questionnaire)
                .forEach(due::add);
        return PlanView.of(planAndSuspension.plan(), suspension(planAndSuspension))
                .withDue(
                        due,
                        questionnaires
                                .pathway(member())
                                .map(QuestionnaireViews.PathwayView::of)
                                .orElse(null));
    }

    @POST
    @Path("/screening")
    @Operation(
            summary = "Answer the red-flag questions again",
            description =
                    "Due every 4 weeks after the last screening or intake and at the start of every flare (GET /members/me/plan lists it in due). Every question needs an explicit answer, as at intake. Any yes is handled as at intake: kept as a symptom report (id = screeningId), published so the care team is alerted, a referral flag suspends the plan in force (inflammatory back pain asks for a review), and the answer carries the safety message. Idempotent on screeningId.")
    @APIResponse(
            responseCode = "201",
            description = "Taken (or taken before by the same request)",
            content = @Content(schema = @Schema(implementation = MemberViews.ScreeningView.class)))
    @APIResponse(responseCode = "400", description = "A missing answer or a bad field; each is named")
    @APIResponse(responseCode = "409", description = "The screening id was used for other answers")
    public Response screening(@NotNull @Valid ScreeningRequest request) {
        ScreeningService.ScreeningAndReport taken = screenings.take(member(), request.toNewScreening());
        var s = taken.screening();
        return Response.created(URI.create("/members/me/screening/" + s.screeningId))
                .header("Idempotent-Replayed", String.valueOf(taken.replay()))
                .entity(new MemberViews.ScreeningView(
                        s.screeningId,
                        s.takenAt,
                        s.answeredYes,
                        s.planSuspended,
                        s.answeredYes.isEmpty()
                                ? null
                                : safety(s.answeredYes.stream()
                                        .map(RedFlag::valueOf)
                                        .toList()),
                        screenings.next(member()).orElse(null)))
                .build();
    }

    @GET
    @Path("/plan/today")
    @Operation(summary = "Today's session: the next session of this plan week, with each exercise's steps and dose")
    @APIResponse(
            responseCode = "200",
            description = "Today's session",
            content = @Content(schema = @Schema(implementation = TodayView.class)))
    @APIResponse(responseCode = "404", description = "No plan yet")
    @APIResponse(
            responseCode = "409",
            description =
                    "plan-suspended: a red flag suspended the plan until a clinician has looked; the detail says why and what to do")
    public TodayView today() {
        return TodayView.of(plans.today(member(), Timestamps.today(clock)));
    }

    @GET
    @Path("/plan/history")
    @Operation(summary = "Every version of the plan, newest first, with who changed it and why")
    public Page<PlanVersionSummary> history(@QueryParam("page") String page, @QueryParam("size") String size) {
        return plans.history(member(), QueryParams.page(page), QueryParams.size(size))
                .map(PlanVersionSummary::of);
    }

    @GET
    @Path("/plan/changes")
    @Operation(
            summary = "What changed in the plan and why, newest first",
            description =
                    "Automatic adaptations to the weekly assessments and a clinician's tailoring, each change with the reason.")
    public Page<ChangeView> changes(@QueryParam("page") String page, @QueryParam("size") String size) {
        return plans.changes(member(), QueryParams.page(page), QueryParams.size(size))
                .map(ChangeView::of);
    }

    private SafetyMessage safety(List<RedFlag> redFlags) {
        return ruleBook.advice().messageFor(redFlags);
    }

    private SuspensionView suspension(PlanService.PlanAndSuspension planAndSuspension) {
        return planAndSuspension.suspension() == null
                ? null
                : SuspensionView.of(
                        planAndSuspension.suspension(), suspensions.explain(planAndSuspension.suspension()));
    }

    private String member() {
        return identity.getPrincipal().getName();
    }
}
