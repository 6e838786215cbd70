package org.limber.console.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import org.limber.console.client.CatalogViews.Draft;
import org.limber.console.client.CatalogViews.Publication;
import org.limber.console.domain.Done;
import org.limber.console.domain.DraftForm;
import org.limber.console.domain.FormValues;
import org.limber.console.domain.Problem;
import org.limber.console.service.EditorService;
import org.limber.console.service.ServiceException;

/** Content editors: drafts, their content in a form, publication with a note, retirement with a reason, history. */
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(SignedInUser.EDITOR)
public class EditorResource {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final EditorService editor;

    @Inject
    @Location("editor.html")
    Template list;

    @Inject
    @Location("exercise.html")
    Template exercise;

    public EditorResource(EditorService editor) {
        this.editor = editor;
    }

    @GET
    public Response drafts(@QueryParam("done") String done) {
        return PageResponses.html(
                200,
                list.data("drafts", Section.of(editor::drafts))
                        .data("published", Section.of(editor::published))
                        .data("done", Done.message(done)));
    }

    @GET
    @Path("open")
    public Response open(@QueryParam("slug") String slug) {
        return PageResponses.seeOther("/editor/exercises/" + slug(slug), (String) null);
    }

    @GET
    @Path("exercises/{slug}")
    public Response exercise(@PathParam("slug") String slug, @QueryParam("done") String done) {
        return render(200, slug(slug), null, null, Done.message(done), null);
    }

    @POST
    @Path("exercises/{slug}/start")
    public Response start(@PathParam("slug") String slug) {
        String s = slug(slug);
        return attempt(s, () -> editor.start(s), Done.DRAFT_STARTED);
    }

    @POST
    @Path("exercises/{slug}/save")
    public Response save(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String s = slug(slug);
        int revision = revision(form.getFirst("revision"));
        Map<String, String> values = new LinkedHashMap<>();
        DraftForm.FIELDS.forEach(
                f -> values.put(f.name(), form.getFirst(f.name()) == null ? "" : form.getFirst(f.name())));
        Draft current = editor.draft(s);
        DraftForm.Result result = DraftForm.apply(current.content(), values);
        if (!result.errors().isEmpty()) {
            return render(
                    400,
                    s,
                    values,
                    result.errors(),
                    null,
                    new Problem(
                            400,
                            "Please check the form",
                            "The draft was not saved: some fields need another look.",
                            result.errors()));
        }
        try {
            editor.save(s, revision, result.content());
        } catch (ServiceException e) {
            rethrowAccess(e);
            Map<String, String> errors = DraftForm.fromService(e.problem().fieldErrors());
            return render(e.problem().status(), s, values, errors, null, e.problem());
        }
        return PageResponses.seeOther("/editor/exercises/" + s, Done.DRAFT_SAVED);
    }

    @POST
    @Path("exercises/{slug}/discard")
    public Response discard(@PathParam("slug") String slug, @FormParam("revision") String revision) {
        String s = slug(slug);
        int r = revision(revision);
        return attempt(
                s,
                () -> {
                    editor.discard(s, r);
                    return null;
                },
                Done.DRAFT_DISCARDED);
    }

    @POST
    @Path("exercises/{slug}/publish")
    public Response publish(
            @PathParam("slug") String slug, @FormParam("revision") String revision, @FormParam("note") String note) {
        String s = slug(slug);
        int r = revision(revision);
        String n = FormValues.text(note, 1000);
        try {
            Publication p = editor.publish(s, r, n);
            return PageResponses.seeOther("/editor/exercises/" + s, Done.PUBLISHED.code(p.version()));
        } catch (ServiceException e) {
            rethrowAccess(e);
            return render(
                    e.problem().status(),
                    s,
                    null,
                    DraftForm.fromService(e.problem().fieldErrors()),
                    null,
                    e.problem());
        }
    }

    @POST
    @Path("exercises/{slug}/retire")
    public Response retire(@PathParam("slug") String slug, @FormParam("reason") String reason) {
        String s = slug(slug);
        String r = FormValues.text(reason, 1000);
        if (r == null) {
            return render(
                    400,
                    s,
                    null,
                    Map.of(),
                    null,
                    new Problem(
                            400,
                            "Please give a reason",
                            "A reason is needed to retire an exercise.",
                            Map.of("reason", "is needed")));
        }
        return attempt(s, () -> editor.retire(s, r), Done.RETIRED);
    }

    private Response attempt(String slug, Supplier<?> action, Done done) {
        try {
            action.get();
        } catch (ServiceException e) {
            rethrowAccess(e);
            return render(e.problem().status(), slug, null, Map.of(), null, e.problem());
        }
        return PageResponses.seeOther("/editor/exercises/" + slug, done);
    }

    private Response render(
            int status,
            String slug,
            Map<String, String> values,
            Map<String, String> errors,
            String done,
            Problem problem) {
        var draft = Section.of(() -> editor.draft(slug));
        if (!draft.ok() && draft.problem().status() != 404) {
            rethrowAccess(new ServiceException(draft.problem()));
        }
        var versions = Section.of(() -> editor.versions(slug));
        Map<String, String> shown = values != null
                ? values
                : draft.ok() ? DraftForm.values(draft.value().content()) : Map.of();
        return PageResponses.html(
                status,
                exercise.data("slug", slug)
                        .data("draft", draft)
                        .data("versions", versions)
                        .data("fields", DraftForm.FIELDS)
                        .data("values", shown)
                        .data("errors", errors == null ? Map.of() : errors)
                        .data("done", done)
                        .data("problem", problem));
    }

    private static void rethrowAccess(ServiceException e) {
        int s = e.problem().status();
        if (s == 401 || s == 403 || s == 503) {
            throw e;
        }
    }

    static String slug(String raw) {
        if (raw == null || raw.length() > 60 || !SLUG.matcher(raw).matches()) {
            throw new ServiceException(new Problem(404, "Not found", "There is no exercise with that name.", Map.of()));
        }
        return raw;
    }

    static int revision(String raw) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw new ServiceException(new Problem(
                    400, "Please reload", "The form is missing the draft's revision; reload the page.", Map.of()));
        }
    }
}
