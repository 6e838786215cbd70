package org.limber.console.rest;

import java.net.URI;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** The start page sends each user to their first page; an account without a care-team role is refused. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    private final SignedInUser user;

    @Inject
    @Location("signed-out.html")
    Template signedOut;

    public HomeResource(SignedInUser user) {
        this.user = user;
    }

    @GET
    public Response home() {
        String first = user.isClinician() ? "/today" : user.isAdmin() ? "/admin" : user.isEditor() ? "/editor" : null;
        if (first == null) {
            throw new ForbiddenException();
        }
        return Response.seeOther(URI.create(first)).build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
