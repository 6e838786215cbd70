package org.limber.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.paging.Page;
import org.limber.common.rest.QueryParams;
import org.limber.routine.domain.privacy.Erasure;
import org.limber.routine.rest.ErasureViews.ErasureView;
import org.limber.routine.rest.ErasureViews.HoldView;
import org.limber.routine.service.ErasureService;

/** Admins: every erasure request and every legal hold, paged. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "oidc")
@Tag(name = "Privacy", description = "Erasure of a member's data, and legal holds")
public class PrivacyResource {

    private final ErasureService erasures;

    public PrivacyResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    @GET
    @Path("/erasures")
    @Operation(
            summary = "Erasure requests, newest first",
            description =
                    "status: HELD, IN_PROGRESS or COMPLETED (none: all). A completed request shows the member's pseudonym, not their id. Paged.")
    public Page<ErasureView> erasures(
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        Erasure.Status wanted = QueryParams.enumValue("status", status, Erasure.Status.class);
        return erasures.page(wanted, QueryParams.page(page), QueryParams.size(size))
                .map(ErasureView::of);
    }

    @GET
    @Path("/legal-holds")
    @Operation(summary = "Legal holds in force, newest first", description = "Paged.")
    public Page<HoldView> legalHolds(@QueryParam("page") String page, @QueryParam("size") String size) {
        return erasures.holds(QueryParams.page(page), QueryParams.size(size)).map(HoldView::of);
    }
}
