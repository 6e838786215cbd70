package org.limber.routine.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.common.problem.Problem;
import org.limber.routine.service.MemberExport;

/** A member's copy of all their data, from every service, as one downloadable JSON file. */
@Path("/members/me/export")
@SecurityRequirement(name = "oidc")
@Tag(name = "Privacy", description = "A member's copy of their data")
public class MemberExportResource {

    /** The file's shape, for the OpenAPI document (the body is streamed; nothing builds this record). */
    @Schema(name = "MemberExport", description = "Everything Limber holds about the member")
    public record ExportSchema(
            String format,
            int version,
            String memberId,
            String exportedAt,
            org.limber.common.export.ExportPartSchema routine,
            org.limber.common.export.ExportPartSchema progress,
            org.limber.common.export.ExportPartSchema engagement) {}

    private final MemberExport export;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public MemberExportResource(MemberExport export, SecurityIdentity identity, JsonWebToken token) {
        this.export = export;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @RolesAllowed("member")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "myExport",
            summary = "Download all your data: routine's, progress's and engagement's parts in one JSON file"
                    + " (streamed; each collection capped at 10,000 rows by default and marked when cut)")
    @APIResponse(
            responseCode = "200",
            description = "The file, as an attachment named limber-export-<yyyy-mm-dd>.json",
            content = @Content(schema = @Schema(implementation = ExportSchema.class)))
    @APIResponse(
            responseCode = "503",
            description = "progress-service or engagement-service cannot give its part now (the problem's"
                    + " service member names it); nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mine() {
        MemberExport.Export file = export.export(identity.getPrincipal().getName(), token.getRawToken());
        LocalDate day = LocalDate.ofInstant(file.exportedAt(), ZoneOffset.UTC);
        return Response.ok(file.body(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"limber-export-" + day + ".json\"")
                .build();
    }
}
