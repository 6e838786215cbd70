package org.limber.progress.rest;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

import org.limber.common.audit.AccessAudit;
import org.limber.common.audit.AuditedAccess;
import org.limber.common.time.Timestamps;
import org.limber.progress.fhir.Bundles;
import org.limber.progress.fhir.Capability;
import org.limber.progress.fhir.FhirOutcome;
import org.limber.progress.fhir.FhirParams;
import org.limber.progress.service.FhirService;

/** The read-only FHIR R4 API ({@code application/fhir+json}); mapping is in {@code org.limber.progress.fhir}. */
@Path("/fhir")
@Produces(FhirResource.FHIR_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(
        name = "FHIR",
        description = "FHIR R4, read-only: Observation, QuestionnaireResponse, CarePlan, Patient/$everything")
public class FhirResource {

    public static final String FHIR_JSON = "application/fhir+json";

    private final FhirService fhir;
    private final FhirContext context;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final AccessAudit audit;

    @Context
    UriInfo uri;

    public FhirResource(
            FhirService fhir, FhirContext context, SecurityIdentity identity, Clock clock, AccessAudit audit) {
        this.audit = audit;
        this.fhir = fhir;
        this.context = context;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Operation(operationId = "fhirMetadata", summary = "The FHIR CapabilityStatement")
    @APIResponse(
            responseCode = "200",
            description = "A CapabilityStatement",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response metadata() {
        return json(context, Capability.statement(base(), now()), 200);
    }

    @GET
    @Path("/Observation")
    @AuditedAccess(resource = "fhir:Observation")
    @Operation(
            operationId = "fhirObservations",
            summary =
                    "Observations of a patient: session pain 72514-3, PEG 91147-9, weekly exercise 89555-7 and 68516-4")
    @APIResponse(
            responseCode = "200",
            description = "A searchset Bundle of Observations, paged",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response observations(
            @QueryParam("patient") String patient,
            @QueryParam("code") String code,
            @QueryParam("date") List<String> date,
            @QueryParam("_count") String count,
            @QueryParam("_offset") String offset) {
        String memberId = authorized(patient);
        var results = fhir.observations(memberId, FhirParams.codes(code), FhirParams.dates(date));
        return page(results, count, offset);
    }

    @GET
    @Path("/QuestionnaireResponse")
    @AuditedAccess(resource = "fhir:QuestionnaireResponse")
    @Operation(
            operationId = "fhirQuestionnaireResponses",
            summary = "A patient's questionnaire responses (PEG, STarT Back)")
    @APIResponse(
            responseCode = "200",
            description = "A searchset Bundle of QuestionnaireResponses, paged",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response questionnaireResponses(
            @QueryParam("patient") String patient,
            @QueryParam("_count") String count,
            @QueryParam("_offset") String offset) {
        return page(fhir.questionnaireResponses(authorized(patient)), count, offset);
    }

    @GET
    @Path("/CarePlan")
    @AuditedAccess(resource = "fhir:CarePlan")
    @Operation(operationId = "fhirCarePlans", summary = "A patient's exercise plan in force")
    @APIResponse(
            responseCode = "200",
            description = "A searchset Bundle of CarePlans, paged",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response carePlans(
            @QueryParam("patient") String patient,
            @QueryParam("_count") String count,
            @QueryParam("_offset") String offset) {
        return page(fhir.carePlans(authorized(patient)), count, offset);
    }

    @GET
    @Path("/Patient/{id}/{operation}")
    @AuditedAccess(resource = "fhir:Patient/$everything")
    @Operation(
            operationId = "fhirPatientEverything",
            summary = "Patient/{id}/$everything: every resource of a patient, in one Bundle (the only operation)")
    @APIResponse(
            responseCode = "200",
            description = "A Bundle of every resource of the patient",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response everything(@PathParam("id") String id, @PathParam("operation") String operation) {
        // A literal '$' in @Path does not match here; the operation is a parameter, and only $everything exists.
        if (!"$everything".equals(operation)) {
            throw FhirOutcome.notFound("Unknown operation " + FhirParams.id("operation", operation.replace("$", "")));
        }
        String memberId = FhirParams.id("id", id);
        fhir.authorize(caller(), memberId);
        audit.touched(memberId);
        return json(context, Bundles.everything(base(), fhir.everything(memberId), now()), 200);
    }

    private String authorized(String patient) {
        String memberId = FhirParams.patient(patient);
        fhir.authorize(caller(), memberId);
        audit.touched(memberId);
        return memberId;
    }

    private Response page(List<? extends Resource> results, String count, String offset) {
        int n = FhirParams.count(count);
        int from = FhirParams.offset(offset);
        var query = uri.getRequestUriBuilder().replaceQueryParam("_count").replaceQueryParam("_offset");
        var paging = new Bundles.Paging(base(), query.build().toString(), n, from);
        return json(context, Bundles.page(results, paging, now()), 200);
    }

    private FhirService.Caller caller() {
        return new FhirService.Caller(
                identity.getPrincipal().getName(),
                identity.hasRole("admin"),
                identity.hasRole("clinician"),
                identity.hasRole("member"));
    }

    private String base() {
        String b = uri.getBaseUri().toString();
        return (b.endsWith("/") ? b : b + "/") + "fhir";
    }

    private Date now() {
        return Date.from(Timestamps.now(clock));
    }

    static Response json(FhirContext context, IBaseResource resource, int status) {
        return Response.status(status)
                .type(FHIR_JSON)
                .entity(context.newJsonParser().encodeResourceToString(resource))
                .build();
    }

    /** A FHIR error as its OperationOutcome with its status. */
    @Provider
    public static class OutcomeMapper implements ExceptionMapper<FhirOutcome> {

        private final FhirContext context;

        public OutcomeMapper(FhirContext context) {
            this.context = context;
        }

        @Override
        public Response toResponse(FhirOutcome e) {
            return json(context, e.outcome(), e.status());
        }
    }
}
