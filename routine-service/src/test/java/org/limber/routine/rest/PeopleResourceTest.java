package org.limber.routine.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberTopics;
import org.limber.routine.Fixtures;
import org.limber.routine.KeycloakStandIn;
import org.limber.routine.domain.Person;
import org.limber.routine.repository.PersonRepository;
import org.limber.testsupport.CatalogFixture;
import org.limber.testsupport.Tokens;
import org.limber.testsupport.TopicReader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.limber.routine.Fixtures.as;
import static org.limber.routine.Fixtures.newMember;

/**
 * The directory of people: members named from their own tokens, clinicians from Keycloak (its
 * stand-in), assignment only to an enabled clinician, panels moved whole, and who sees which names.
 */
@QuarkusTest
class PeopleResourceTest {

    @Inject
    PersonRepository people;

    /** A member who has used the API once with a token carrying their names. */
    static String namedMember(String given, String family) {
        String id = newMember();
        given().auth()
                .oauth2(Tokens.member(id, given, family, id + "@mail.example"))
                .get("/members/me/plan")
                .then()
                .statusCode(404);
        return id;
    }

    @Test
    void assignmentIsRefusedUnlessTheIdIsAnEnabledClinicians() {
        String member = namedMember("Nora", "Unassigned");
        String disabled = KeycloakStandIn.clinician("disabled-" + member, "Dana", "Left", false);
        String notYet = "clinician-added-later-" + member;
        for (String clinicianId : List.of("casey-the-user-name-" + member, member, disabled)) {
            as(Tokens.admin("ada"))
                    .body(Map.of("clinicianId", clinicianId))
                    .put("/members/" + member + "/care-team")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("clinicianId"));
        }
        // Added in Keycloak after the directory's last refresh: read again before answering.
        KeycloakStandIn.clinician(notYet, "Avery", "Newcomer", true);
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", notYet))
                .put("/members/" + member + "/care-team")
                .then()
                .statusCode(200)
                .body("clinicianId", equalTo(notYet));
        // Disabled in Keycloak since: refused from the next refresh on.
        KeycloakStandIn.clinician(notYet, "Avery", "Newcomer", false);
        String other = namedMember("Omar", "Other");
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", "unknown-" + other))
                .put("/members/" + other + "/care-team")
                .then()
                .statusCode(422);
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", notYet))
                .put("/members/" + other + "/care-team")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("clinicianId"));
    }

    @Test
    void everyIdIsHeldToOneBound() {
        String clinician = KeycloakStandIn.clinician("x".repeat(128));
        String member = "m".repeat(128);
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", clinician))
                .put("/members/" + member + "/care-team")
                .then()
                .statusCode(200);
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", clinician))
                .put("/members/" + member + "m/care-team")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("memberId"));
        as(Tokens.admin("ada"))
                .body(Map.of("clinicianId", clinician + "x"))
                .put("/members/" + newMember() + "/care-team")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("clinicianId"));
        as(Tokens.admin("ada"))
                .body(Map.of("toClinicianId", clinician))
                .post("/care-team/panels/" + clinician + "y/move")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fromClinicianId"));
    }

    @Test
    void aPanelMovesWholeOnceAndItsMembersEachGetAnAssignment() throws Exception {
        String from = KeycloakStandIn.clinician("leaving-" + newMember());
        String to = KeycloakStandIn.clinician("staying-" + newMember());
        String first = newMember();
        String second = newMember();
        Fixtures.assign(first, from);
        Fixtures.assign(second, from);
        try (TopicReader topic = new TopicReader(MemberTopics.EVENTS)) {
            as(Tokens.admin("ada"))
                    .body(Map.of("toClinicianId", to))
                    .post("/care-team/panels/" + from + "/move")
                    .then()
                    .statusCode(200)
                    .body("moved", equalTo(2));
            as(Tokens.admin("ada"))
                    .body(Map.of("toClinicianId", to))
                    .post("/care-team/panels/" + from + "/move")
                    .then()
                    .statusCode(200)
                    .body("moved", equalTo(0));
            for (String member : List.of(first, second)) {
                List<CareTeamAssigned> events =
                        Fixtures.events(topic, member, CareTeamAssigned.TYPE, Duration.ofSeconds(3)).stream()
                                .map(r -> read(r.value()))
                                .toList();
                assertThat(events).extracting(CareTeamAssigned::clinicianId).containsExactly(from, to);
                assertThat(events).extracting(CareTeamAssigned::sequence).containsExactly(1L, 2L);
            }
        }
        as(Tokens.admin("ada"))
                .body(Map.of("toClinicianId", "nobody-" + from))
                .post("/care-team/panels/" + to + "/move")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("toClinicianId"));
        as(Tokens.admin("ada"))
                .body(Map.of("toClinicianId", to))
                .post("/care-team/panels/" + to + "/move")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("toClinicianId"));
        as(Tokens.clinician(to))
                .body(Map.of("toClinicianId", from))
                .post("/care-team/panels/" + to + "/move")
                .then()
                .statusCode(403);
    }

    @Test
    void aClinicianFindsOnlyTheirPanelByNameAndAnAdminEveryone() {
        String clinician = KeycloakStandIn.clinician("finder-" + newMember(), "Casey", "Finder", true);
        String tag = Long.toString(System.nanoTime(), 36);
        String alice = namedMember("Alice", "Zed" + tag);
        String bob = namedMember("Bob", "Young" + tag);
        String stranger = namedMember("Carol", "Xavier" + tag);
        Fixtures.assign(alice, clinician);
        Fixtures.assign(bob, clinician);

        JsonPath panel = as(Tokens.clinician(clinician))
                .get("/people/members?q=" + tag)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(panel.getList("items.name", String.class)).containsExactly("Bob Young" + tag, "Alice Zed" + tag);
        assertThat(panel.getLong("total")).isEqualTo(2);
        assertThat(panel.getString("items[0].clinician.name")).isEqualTo("Casey Finder");
        // By e-mail, and by id, and sorted the other way; paged.
        assertThat(as(Tokens.clinician(clinician))
                        .get("/people/members?q=" + alice.substring(7, 20).toUpperCase() + "&sort=-name&size=1")
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(alice);
        assertThat(as(Tokens.clinician(clinician))
                        .get("/people/members?q=" + tag + "&sort=-name&size=1&page=1")
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(bob);
        // The stranger is on no panel: only an admin finds them.
        assertThat(as(Tokens.clinician(clinician))
                        .get("/people/members?q=Xavier" + tag)
                        .jsonPath()
                        .getList("items"))
                .isEmpty();
        assertThat(as(Tokens.admin("ada"))
                        .get("/people/members?q=xavier" + tag)
                        .jsonPath()
                        .getList("items.id", String.class))
                .containsExactly(stranger);
        // Names by id: the panel's and the clinicians', never another member's.
        assertThat(as(Tokens.clinician(clinician))
                        .get("/people?id=" + alice + "&id=" + stranger + "&id=" + clinician)
                        .jsonPath()
                        .getList("name", String.class))
                .containsExactlyInAnyOrder("Alice Zed" + tag, "Casey Finder");
        as(Tokens.clinician(clinician))
                .get("/people/members?sort=age")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as(Tokens.clinician(clinician))
                .get("/people/members?q=" + "q".repeat(101))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
        as(Tokens.clinician(clinician)).get("/people").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void theAdminListsCliniciansWithTheirPanelSizes() {
        String clinician = KeycloakStandIn.clinician("sized-" + newMember(), "Sam", "Sized", true);
        Fixtures.assign(newMember(), clinician);
        Fixtures.assign(newMember(), clinician);
        JsonPath list = as(Tokens.admin("ada"))
                .get("/people/clinicians")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> row = list.getMap("find { it.id == '" + clinician + "' }");
        assertThat(row)
                .containsEntry("name", "Sam Sized")
                .containsEntry("panelSize", 2)
                .containsEntry("enabled", true);
    }

    @Test
    void aMembersNamesAreWrittenOnlyWhenTheyChange() {
        String member = namedMember("Mia", "First");
        var before = stored(member).updatedAt;
        given().auth()
                .oauth2(Tokens.member(member, "Mia", "First", member + "@mail.example"))
                .get("/members/me/plan");
        assertThat(stored(member).updatedAt).isEqualTo(before);
        given().auth()
                .oauth2(Tokens.member(member, "Mia", "Second", member + "@mail.example"))
                .get("/members/me/plan");
        assertThat(stored(member).familyName).isEqualTo("Second");
        assertThat(stored(member).clinician).isFalse();
    }

    private Person stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> people.find(id).orElseThrow());
    }

    private static CareTeamAssigned read(String json) {
        try {
            return CatalogFixture.JSON.readValue(json, CareTeamAssigned.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
