package org.limber.routine.client;

import java.util.List;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two reads of Keycloak's admin API the directory makes, as the {@code limber-directory}
 * client's service account: the group of clinicians by its path, and a page of its members. That
 * account may view the members of /clinicians and nothing else (see docs/security.md). And the one
 * write an erasure makes, as the {@code limber-provisioning} client's service account (which may
 * manage the members of /members): deleting a member's account.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@Path("/admin/realms/{realm}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdmin {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(String id, String name, String path) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String firstName, String lastName, String email, Boolean enabled) {}

    @GET
    @Path("/group-by-path/{path}")
    Group groupByPath(
            @HeaderParam("Authorization") String authorization,
            @PathParam("realm") String realm,
            @PathParam("path") String path);

    @GET
    @Path("/groups/{groupId}/members")
    List<User> members(
            @HeaderParam("Authorization") String authorization,
            @PathParam("realm") String realm,
            @PathParam("groupId") String groupId,
            @QueryParam("first") int first,
            @QueryParam("max") int max,
            @QueryParam("briefRepresentation") boolean briefRepresentation);

    /** Deletes a user; Keycloak answers 204, or 404 when there is no such user (a 404 throws). */
    @DELETE
    @Path("/users/{userId}")
    void deleteUser(
            @HeaderParam("Authorization") String authorization,
            @PathParam("realm") String realm,
            @PathParam("userId") String userId);
}
