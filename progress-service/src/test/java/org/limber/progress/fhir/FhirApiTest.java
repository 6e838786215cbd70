package org.limber.progress.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PrescribedDose;
import org.limber.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.limber.progress.MemberEventFixtures.newMember;
import static org.limber.progress.MemberEventFixtures.send;
import static org.limber.progress.MemberEventFixtures.session;
import static org.limber.progress.QuestionnaireFixtures.peg;
import static org.limber.progress.QuestionnaireFixtures.startBack;

/**
 * The FHIR API for a demo-like member (twelve weeks of sessions, three PEG responses, a STarT Back): every resource it
 * serves validated by HAPI's validator against base R4 with 0 errors; paging; access; bad parameters.
 */
@QuarkusTest
class FhirApiTest {

    static final String CLINICIAN = "clin-fhir";
    static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusWeeks(12).with(java.time.DayOfWeek.MONDAY);
    static String member;

    @BeforeEach
    void demoMember() {
        if (member != null) {
            return;
        }
        member = newMember();
        List<Object> events = new ArrayList<>();
        events.add(new PlanAssigned(
                java.util.UUID.randomUUID(),
                Instant.now(),
                1,
                member,
                1,
                "INTAKE",
                3,
                20,
                6,
                List.of("NON_SPECIFIC_LOW_BACK_PAIN"),
                CLINICIAN,
                START,
                List.of(
                        new PlanAssigned.Session(
                                1,
                                List.of(
                                        new PlanAssigned.Item(
                                                "cat-cow", 1, new PrescribedDose(2, 10, null, null, 30, false)),
                                        new PlanAssigned.Item(
                                                "bird-dog", 1, new PrescribedDose(3, 8, 5, null, 30, true)))),
                        new PlanAssigned.Session(
                                2,
                                List.of(
                                        new PlanAssigned.Item(
                                                "cat-cow", 1, new PrescribedDose(2, 10, null, null, 30, false)),
                                        new PlanAssigned.Item(
                                                "side-plank", 1, new PrescribedDose(3, null, null, 20, 45, true)))))));
        Instant t0 = START.atTime(8, 0).toInstant(ZoneOffset.UTC);
        events.add(peg(member, "BASELINE", t0, 7, 6, 6));
        events.add(startBack(member, t0, 1, 0, 1, 0, 1, 1, 0, 1, 0));
        for (int week = 0; week < 12; week++) {
            for (int s = 0; s < 3; s++) {
                Instant at =
                        START.plusWeeks(week).plusDays(2L * s).atTime(18, 0).toInstant(ZoneOffset.UTC);
                events.add(session(member, at, Math.max(1, 6 - week / 2), Math.max(1, 5 - week / 3), 2, "JUST_RIGHT"));
            }
        }
        events.add(peg(member, "WEEK_6", t0.plus(Duration.ofDays(42)), 5, 4, 5));
        events.add(peg(member, "WEEK_12", t0.plus(Duration.ofDays(83)), 3, 3, 3));
        send(events.toArray());
        // Until the events are in: a 403 (the plan naming the clinician not consumed yet) or a short bundle waits too.
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> bundle(clinician().get("/fhir/Observation?patient=" + member + "&_count=200"))
                                .getTotal()
                        == 36 + 3 + 24);
    }

    static io.restassured.specification.RequestSpecification clinician() {
        return given().auth().oauth2(Tokens.clinician(CLINICIAN));
    }

    static Bundle bundle(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        return FhirValidation.CONTEXT.newJsonParser().parseResource(Bundle.class, response.asString());
    }

    static OperationOutcome outcome(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return FhirValidation.CONTEXT.newJsonParser().parseResource(OperationOutcome.class, response.asString());
    }

    static void assertValid(Resource resource) {
        var errors = FhirValidation.errors(resource);
        assertThat(errors.stream()
                        .map(m -> m.getLocationString() + " " + m.getMessage())
                        .toList())
                .as(resource.fhirType() + " " + resource.getIdElement().getIdPart())
                .isEmpty();
    }

    @Test
    void everyResourceOfTheDemoMemberIsValidR4() {
        Bundle everything = bundle(clinician().get("/fhir/Patient/" + member + "/$everything"));
        // Patient, 36 pain observations, 3 PEG, 12 weeks x 2 exercise observations, 4 responses, 1 care plan
        assertThat(everything.getEntry()).hasSize(1 + 36 + 3 + 24 + 4 + 1);
        assertValid(everything);
        for (Bundle.BundleEntryComponent e : everything.getEntry()) {
            assertValid(e.getResource());
        }
        for (String search : List.of(
                "/fhir/Observation?patient=" + member,
                "/fhir/QuestionnaireResponse?patient=Patient/" + member,
                "/fhir/CarePlan?patient=" + member)) {
            assertValid(bundle(clinician().get(search)));
        }
        Response metadata = given().get("/fhir/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertValid(
                FhirValidation.CONTEXT.newJsonParser().parseResource(CapabilityStatement.class, metadata.asString()));
        assertValid(outcome(clinician().get("/fhir/Observation?patient=" + member + "&code=1234-5"), 400));
    }

    @Test
    void observationsByCodeAndDateAndTheCarePlan() {
        Bundle peg = bundle(clinician().get("/fhir/Observation?patient=" + member + "&code=http://loinc.org|91147-9"));
        assertThat(peg.getTotal()).isEqualTo(3);
        Observation baseline = (Observation) peg.getEntry().get(0).getResource();
        assertThat(baseline.getValueQuantity().getValue().doubleValue()).isEqualTo(6.33);
        String week3 = START.plusWeeks(3).toString();
        String week5 = START.plusWeeks(5).toString();
        Bundle pain = bundle(clinician()
                .get("/fhir/Observation?patient=" + member + "&code=72514-3&date=ge" + week3 + "&date=lt" + week5));
        assertThat(pain.getTotal()).isEqualTo(6);
        Observation first = (Observation) pain.getEntry().get(0).getResource();
        assertThat(first.getComponent()).hasSize(3);
        Bundle days = bundle(clinician().get("/fhir/Observation?patient=" + member + "&code=89555-7"));
        assertThat(days.getEntry())
                .allSatisfy(e -> assertThat(((Observation) e.getResource())
                                .getValueQuantity()
                                .getValue()
                                .intValue())
                        .isEqualTo(3));
        Bundle minutes = bundle(clinician().get("/fhir/Observation?patient=" + member + "&code=68516-4"));
        assertThat(((Observation) minutes.getEntry().get(0).getResource())
                        .getValueQuantity()
                        .getValue()
                        .intValue())
                .isEqualTo(20);
        CarePlan plan = (CarePlan) bundle(clinician().get("/fhir/CarePlan?patient=" + member))
                .getEntry()
                .get(0)
                .getResource();
        assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("229065009");
        assertThat(plan.getActivity()).hasSize(3);
        assertThat(plan.getActivity().get(1).getDetail().getDescription())
                .isEqualTo("3 sets of 8 repetitions, each held 5 s, per side; rest 30 s");
        assertThat(plan.getActivity()
                        .get(0)
                        .getDetail()
                        .getScheduledTiming()
                        .getRepeat()
                        .getFrequency())
                .isEqualTo(2);
    }

    @Test
    void searchesArePagedWithNextLinks() {
        Bundle page1 = bundle(clinician().get("/fhir/Observation?patient=" + member + "&code=72514-3&_count=10"));
        assertThat(page1.getTotal()).isEqualTo(36);
        assertThat(page1.getEntry()).hasSize(10);
        String next = page1.getLink("next").getUrl();
        assertThat(next).contains("_offset=10").contains("_count=10");
        Bundle page4 =
                bundle(clinician().get("/fhir/Observation?patient=" + member + "&code=72514-3&_count=10&_offset=30"));
        assertThat(page4.getEntry()).hasSize(6);
        assertThat(page4.getLink("next")).isNull();
        assertThat(page4.getLink("previous").getUrl()).contains("_offset=20");
        assertThat(page1.getEntry().get(0).getResource().getIdElement().getIdPart())
                .isNotEqualTo(
                        page4.getEntry().get(0).getResource().getIdElement().getIdPart());
    }

    @Test
    void accessByRole() {
        String obs = "/fhir/Observation?patient=" + member;
        bundle(given().auth().oauth2(Tokens.member(member)).get(obs));
        bundle(given().auth().oauth2(Tokens.admin("ada")).get(obs));
        assertThat(outcome(given().auth().oauth2(Tokens.clinician("clin-other")).get(obs), 403)
                        .getIssueFirstRep()
                        .getCode()
                        .toCode())
                .isEqualTo("forbidden");
        outcome(given().auth().oauth2(Tokens.member("member-someone-else")).get(obs), 403);
        outcome(
                given().auth()
                        .oauth2(Tokens.member("member-someone-else"))
                        .get("/fhir/Patient/" + member + "/$everything"),
                403);
        outcome(given().auth().oauth2(Tokens.admin("ada")).get("/fhir/CarePlan?patient=member-never-seen"), 404);
        given().get(obs).then().statusCode(401);
    }

    @Test
    void badParametersAreOperationOutcomes() {
        var c = clinician();
        for (String bad : List.of(
                "/fhir/Observation",
                "/fhir/Observation?patient=" + member + "&code=http://snomed.info/sct|72514-3",
                "/fhir/Observation?patient=" + member + "&date=yesterday",
                "/fhir/Observation?patient=" + member + "&date=ge1999-01-01",
                "/fhir/Observation?patient=" + member + "&date=xx2026-01-01",
                "/fhir/Observation?patient=" + member + "&_count=0",
                "/fhir/Observation?patient=" + member + "&_count=201",
                "/fhir/Observation?patient=" + member + "&_offset=-1",
                "/fhir/QuestionnaireResponse?patient=Patient/" + "x".repeat(65),
                "/fhir/CarePlan?patient=a%20b")) {
            OperationOutcome o = outcome(clinician().get(bad), 400);
            assertThat(o.getIssueFirstRep().getCode().toCode()).as(bad).isEqualTo("invalid");
        }
        assertThat(c).isNotNull();
    }
}
