package org.limber.console.rest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console route, for every role, and every form with and without its CSRF token. The table names who may use
 * each route; a route of the console's resources without a row fails {@link #theTableHasARowForEveryRouteAndNoOther}.
 * The services are where nothing listens, so a request let in gets the "not answering" page (503), a redirect or the
 * page; one refused gets 403 (a role the route is not for), a sign-in redirect (no session) or 400 (a form without
 * its token, which then calls nothing).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsoleRouteMatrixTest {

    static final String CLINICIAN = "clinician";
    static final String ADMIN = "admin";
    static final String EDITOR = "content-editor";
    static final String MEMBER = "member";
    static final Set<String> STAFF = Set.of(CLINICIAN, ADMIN, EDITOR);
    static final Set<String> ANY = Set.of(CLINICIAN, ADMIN, EDITOR, MEMBER);

    /** A route: its method and path template, a concrete path, who may use it, and a form that passes its checks. */
    record Route(String method, String template, String path, Set<String> roles, Map<String, String> form) {

        boolean isForm() {
            return method.equals("POST");
        }
    }

    static final String ALERT = "00000000-0000-0000-0000-000000000001";

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/", "/", STAFF, Map.of()),
            new Route("GET", "/signed-out", "/signed-out", ANY, Map.of()),
            new Route("POST", "/logout", "/logout", ANY, Map.of()),
            new Route("GET", "/today", "/today", Set.of(CLINICIAN), Map.of()),
            new Route("GET", "/panel", "/panel", Set.of(CLINICIAN), Map.of()),
            new Route("GET", "/alerts", "/alerts", Set.of(CLINICIAN), Map.of()),
            new Route(
                    "POST",
                    "/alerts/{alertId}/{action}",
                    "/alerts/" + ALERT + "/acknowledge",
                    Set.of(CLINICIAN),
                    Map.of("note", "seen")),
            new Route("GET", "/triage", "/triage", Set.of(CLINICIAN, ADMIN), Map.of()),
            new Route("GET", "/members/{memberId}", "/members/m-1", Set.of(CLINICIAN), Map.of()),
            new Route(
                    "POST",
                    "/members/{memberId}/tailor",
                    "/members/m-1/tailor",
                    Set.of(CLINICIAN),
                    Map.of("type", "PAUSE", "slug", "cat-cow", "note", "flare")),
            new Route(
                    "POST",
                    "/members/{memberId}/changes/{changeId}/undo",
                    "/members/m-1/changes/c-1/undo",
                    Set.of(CLINICIAN),
                    Map.of("note", "too soon")),
            new Route(
                    "POST",
                    "/members/{memberId}/adaptation",
                    "/members/m-1/adaptation",
                    Set.of(CLINICIAN),
                    Map.of("enabled", "false", "note", "watching")),
            new Route(
                    "POST",
                    "/members/{memberId}/review",
                    "/members/m-1/review",
                    Set.of(CLINICIAN),
                    Map.of("redFlagsAssessed", "SADDLE_NUMBNESS", "outcome", "REFERRED_ON", "note", "seen")),
            new Route(
                    "POST",
                    "/members/{memberId}/messages",
                    "/members/m-1/messages",
                    Set.of(CLINICIAN),
                    Map.of("text", "How did the walk go?")),
            new Route("GET", "/admin", "/admin", Set.of(ADMIN), Map.of()),
            new Route(
                    "POST",
                    "/admin/assign",
                    "/admin/assign",
                    Set.of(ADMIN),
                    Map.of("memberId", "m-1", "clinicianId", "casey")),
            new Route(
                    "POST",
                    "/admin/move-panel",
                    "/admin/move-panel",
                    Set.of(ADMIN),
                    Map.of("fromClinicianId", "robin", "toClinicianId", "casey")),
            new Route("GET", "/admin/audit", "/admin/audit?memberId=m-1&from=2026-12-01", Set.of(ADMIN), Map.of()),
            new Route("GET", "/admin/privacy", "/admin/privacy", Set.of(ADMIN), Map.of()),
            new Route(
                    "POST",
                    "/admin/privacy/hold",
                    "/admin/privacy/hold",
                    Set.of(ADMIN),
                    Map.of("memberId", "m-1", "reason", "a complaint is open")),
            new Route(
                    "POST",
                    "/admin/privacy/release",
                    "/admin/privacy/release",
                    Set.of(ADMIN),
                    Map.of("memberId", "m-1")),
            new Route("GET", "/editor", "/editor", Set.of(EDITOR), Map.of()),
            new Route("GET", "/editor/open", "/editor/open?slug=cat-cow", Set.of(EDITOR), Map.of()),
            new Route("GET", "/editor/exercises/{slug}", "/editor/exercises/cat-cow", Set.of(EDITOR), Map.of()),
            new Route(
                    "POST",
                    "/editor/exercises/{slug}/start",
                    "/editor/exercises/cat-cow/start",
                    Set.of(EDITOR),
                    Map.of()),
            new Route(
                    "POST",
                    "/editor/exercises/{slug}/save",
                    "/editor/exercises/cat-cow/save",
                    Set.of(EDITOR),
                    Map.of("revision", "1", "name", "Cat-cow")),
            new Route(
                    "POST",
                    "/editor/exercises/{slug}/discard",
                    "/editor/exercises/cat-cow/discard",
                    Set.of(EDITOR),
                    Map.of("revision", "1")),
            new Route(
                    "POST",
                    "/editor/exercises/{slug}/publish",
                    "/editor/exercises/cat-cow/publish",
                    Set.of(EDITOR),
                    Map.of("revision", "1", "note", "ready")),
            new Route(
                    "POST",
                    "/editor/exercises/{slug}/retire",
                    "/editor/exercises/cat-cow/retire",
                    Set.of(EDITOR),
                    Map.of("reason", "replaced")));

    @Test
    void theTableHasARowForEveryRouteAndNoOther() throws IOException {
        Set<String> table = new TreeSet<>();
        ROUTES.forEach(r -> table.add(r.method() + " " + r.template()));
        assertThat(table).hasSameSizeAs(ROUTES);
        assertThat(table).isEqualTo(resourceRoutes());
    }

    @Test
    void withoutASessionEveryRouteButTheSignedOutPageSendsToSignIn() {
        SoftAssertions soft = new SoftAssertions();
        for (Route r : ROUTES) {
            Response answer = request(r, null);
            if (r.path().equals("/signed-out")) {
                soft.assertThat(answer.statusCode()).as(r.path()).isEqualTo(200);
            } else {
                soft.assertThat(answer.statusCode())
                        .as(r.method() + " " + r.path())
                        .isEqualTo(302);
                soft.assertThat(answer.header("Location")).as(r.path()).contains("response_type=code");
            }
        }
        soft.assertAll();
    }

    @Test
    @TestSecurity(user = "casey", roles = CLINICIAN)
    void aClinician() {
        check(CLINICIAN);
    }

    @Test
    @TestSecurity(user = "ada", roles = ADMIN)
    void anAdmin() {
        check(ADMIN);
    }

    @Test
    @TestSecurity(user = "eddie", roles = EDITOR)
    void anEditor() {
        check(EDITOR);
    }

    @Test
    @TestSecurity(user = "maria", roles = MEMBER)
    void aMember() {
        check(MEMBER);
    }

    /** Every route for a signed-in role: let in or refused as the table says, every form refused without its token. */
    static void check(String role) {
        FormToken token = FormToken.of("/signed-out");
        SoftAssertions soft = new SoftAssertions();
        for (Route r : ROUTES) {
            String what = role + ": " + r.method() + " " + r.path();
            boolean allowed = r.roles().contains(role);
            if (r.isForm()) {
                Response without = request(r, null);
                soft.assertThat(without.statusCode())
                        .as(what + " without its CSRF token")
                        .isIn(allowed ? Set.of(400) : Set.of(400, 403));
                soft.assertThat(without.asString())
                        .as(what + " without its token calls nothing")
                        .doesNotContain("not answering");
            }
            if (r.path().equals("/logout") && allowed) {
                continue; // signing out with the token needs a real OIDC session: ConsoleCheck does it in a browser
            }
            Response answer = request(r, token);
            if (allowed) {
                soft.assertThat(answer.statusCode()).as(what).isIn(200, 303, 503);
            } else {
                soft.assertThat(answer.statusCode()).as(what).isEqualTo(403);
                soft.assertThat(answer.asString()).as(what).doesNotContain("not answering");
            }
        }
        soft.assertAll();
    }

    /** The request of a route: a form with the token when one is given (its fields otherwise sent without it). */
    static Response request(Route r, FormToken token) {
        var spec = token == null
                ? given().contentType(r.isForm() ? "application/x-www-form-urlencoded" : "text/html")
                : token.form();
        r.form().forEach(spec::formParam);
        spec.redirects().follow(false);
        return r.isForm() ? spec.post(r.path()) : spec.get(r.path());
    }

    /** "GET /members/{memberId}", ... of every resource method of the console's resources. */
    static Set<String> resourceRoutes() throws IOException {
        // The module's compiled classes (the tests run from the module's directory).
        Path classes = Path.of("target/classes/org/limber/console/rest");
        assertThat(classes).isDirectory();
        Set<String> routes = new TreeSet<>();
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                try {
                    Class<?> c = Class.forName("org.limber.console.rest." + name);
                    if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        resources.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (Class<?> c : resources) {
            String base = c.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method m : c.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(jakarta.ws.rs.GET.class)
                        ? "GET"
                        : m.isAnnotationPresent(jakarta.ws.rs.POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                routes.add(verb + " "
                        + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
            }
        }
        return routes;
    }
}
