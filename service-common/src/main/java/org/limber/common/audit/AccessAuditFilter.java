package org.limber.common.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.limber.common.problem.ProblemException;

/**
 * The one way a service records staff access to member data: after a method marked {@link AuditedAccess}
 * answered 2xx to a caller with the role {@code clinician} or {@code admin}, it hands the members touched
 * (the parameter the annotation names, and those the method gave {@link AccessAudit}) to
 * {@link AccessRecorder}. Who is the token's subject and role; the client its {@code azp}. A member's own
 * calls, failed calls and anonymous ones record nothing. If the entries cannot be written the answer is a
 * 503 problem: member data never leaves unrecorded.
 */
@Provider
@AuditedAccess(resource = "")
@Priority(Priorities.USER + 100)
public class AccessAuditFilter implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    private final SecurityIdentity identity;
    private final AccessAudit audit;
    private final AccessRecorder recorder;

    public AccessAuditFilter(SecurityIdentity identity, AccessAudit audit, AccessRecorder recorder) {
        this.identity = identity;
        this.audit = audit;
        this.recorder = recorder;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (!recorder.enabled() || status < 200 || status >= 300 || identity.isAnonymous()) {
            return;
        }
        String role = staffRole(identity);
        AuditedAccess settings = settings();
        if (role == null || settings == null) {
            return;
        }
        Set<String> members = new LinkedHashSet<>();
        if (!settings.member().isEmpty()) {
            String named = named(request.getUriInfo(), settings.member());
            if (named != null) {
                members.add(named);
            }
        }
        members.addAll(audit.members());
        if (members.isEmpty()) {
            return;
        }
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String actor = token != null && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
        String client = token != null && token.getClaim("azp") instanceof String azp ? azp : null;
        try {
            recorder.record(
                    new AccessRecorder.Access(
                            actor, role, client, settings.operation().name(), settings.resource()),
                    members);
        } catch (RuntimeException e) {
            throw new ProblemException(
                    503,
                    "audit-unavailable",
                    "Service unavailable",
                    "the access could not be recorded; try again",
                    List.of());
        }
    }

    /** {@code clinician} or {@code admin} (clinician first: a clinical act), null for anyone else. */
    static String staffRole(SecurityIdentity identity) {
        if (identity.hasRole("clinician")) {
            return "clinician";
        }
        return identity.hasRole("admin") ? "admin" : null;
    }

    private static String named(UriInfo uri, String parameter) {
        String value = uri.getPathParameters().getFirst(parameter);
        if (value == null) {
            value = uri.getQueryParameters().getFirst(parameter);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private AuditedAccess settings() {
        AuditedAccess onMethod = resource.getResourceMethod().getAnnotation(AuditedAccess.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(AuditedAccess.class);
    }
}
