package org.limber.progress.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.audit.AuditedAccess;
import org.limber.progress.service.MeasuresService;

/** Validated questionnaires' measures: STarT Back risk group and the PEG trend. */
@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Progress", description = "Pain and adherence trends")
public class MeasuresResource {

    /** One PEG response: when, why asked (BASELINE, WEEK_6, WEEK_12, END), its score 0-10. */
    public record PegPoint(Instant authoredAt, String timepoint, double score) {}

    /**
     * @param startBackRisk      LOW, MEDIUM or HIGH from the newest STarT Back response; null without one
     * @param pegBaseline        the baseline PEG score (0-10)
     * @param pegLatest          the newest PEG score
     * @param pegChangePercent   (baseline - latest) / baseline * 100; null for a baseline of 0
     * @param pegMeaningfulFall  the PEG fell 30% or more from a baseline above 0
     */
    public record Measures(
            String memberId,
            String startBackRisk,
            Integer startBackTotal,
            Integer startBackSubscale,
            Instant startBackAt,
            Double pegBaseline,
            Double pegLatest,
            BigDecimal pegChangePercent,
            boolean pegMeaningfulFall,
            List<PegPoint> peg) {

        static Measures of(MeasuresService.Measures m) {
            var sb = m.startBack();
            return new Measures(
                    m.memberId(),
                    sb == null ? null : sb.riskGroup(),
                    sb == null ? null : (int) Math.round(sb.score()),
                    sb == null ? null : sb.subscale(),
                    sb == null ? null : sb.authoredAt(),
                    m.peg().baseline(),
                    m.peg().latest(),
                    m.peg().changePercent(),
                    m.peg().meaningfulFall(),
                    m.peg().points().stream()
                            .map(p -> new PegPoint(p.authoredAt(), p.timepoint(), p.score()))
                            .toList());
        }
    }

    private final MeasuresService measures;
    private final SecurityIdentity identity;

    public MeasuresResource(MeasuresService measures, SecurityIdentity identity) {
        this.measures = measures;
        this.identity = identity;
    }

    @GET
    @Path("/me/measures")
    @RolesAllowed("member")
    @Operation(operationId = "myMeasures", summary = "Your questionnaire measures: PEG trend, STarT Back risk group")
    public Measures mine() {
        return Measures.of(measures.measures(identity.getPrincipal().getName()));
    }

    @GET
    @Path("/{memberId}/measures")
    @RolesAllowed("clinician")
    @AuditedAccess(resource = "measures", member = "memberId")
    @Operation(
            operationId = "memberMeasures",
            summary = "A member's PEG trend and STarT Back risk group, for a clinician with the member on their panel")
    @APIResponse(responseCode = "200", description = "The member's measures")
    @APIResponse(responseCode = "403", description = "The member is not on your panel")
    public Measures member(@PathParam("memberId") String memberId) {
        return Measures.of(measures.measuresForClinician(identity.getPrincipal().getName(), memberId));
    }
}
