package org.limber.console.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as pages see it ({@code inject:user}): name and what their roles let them open. */
@Named("user")
@RequestScoped
public class SignedInUser {

    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";
    public static final String EDITOR = "content-editor";

    private final SecurityIdentity identity;
    private final CsrfTokenParameterProvider csrf;

    public SignedInUser(SecurityIdentity identity, CsrfTokenParameterProvider csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    /**
     * Whether this response can carry a form: its CSRF token exists for requests that reached a page resource, not
     * for a path without one (the 404 and 405 pages), whose layout then shows no sign-out form.
     */
    public boolean isFormReady() {
        try {
            return csrf.getToken() != null;
        } catch (IllegalStateException noToken) {
            return false;
        }
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isClinician() {
        return identity.hasRole(CLINICIAN);
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean isEditor() {
        return identity.hasRole(EDITOR);
    }

    public boolean isCareTeam() {
        return isClinician() || isAdmin() || isEditor();
    }
}
