package org.limber.routine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.eclipse.microprofile.config.ConfigProvider;

import org.limber.testsupport.TestEvents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A stand-in for the two reads of Keycloak's admin API the directory makes (the group of clinicians
 * and its members, paged as Keycloak pages them, a bearer token required), served by the tests' OIDC
 * server (WireMock), whose token endpoint issues the directory's client-credentials token. The real
 * Keycloak answers the same reads in the launcher's {@code ProductionRealmIT}.
 */
public final class KeycloakStandIn {

    static final String REALM = "/auth/admin/realms/quarkus";
    static final String GROUP_ID = "6c4b7a1e-clinicians";
    private static final int PAGE = 100;
    private static final List<Map<String, Object>> CLINICIANS = new ArrayList<>();
    private static WireMock wireMock;

    private KeycloakStandIn() {}

    /** Adds (or replaces) a clinician's account in the group of clinicians; returns the id. */
    public static synchronized String clinician(String id, String first, String last, boolean enabled) {
        CLINICIANS.removeIf(u -> u.get("id").equals(id));
        CLINICIANS.add(Map.of(
                "id", id,
                "username", id,
                "firstName", first,
                "lastName", last,
                "email", id + "@clinic.example",
                "enabled", enabled));
        publish();
        return id;
    }

    /** An enabled clinician named after the id, unless the stand-in has the id already. */
    public static synchronized String clinician(String id) {
        return CLINICIANS.stream().anyMatch(u -> u.get("id").equals(id)) ? id : clinician(id, "Dr", id, true);
    }

    /** Takes a clinician out of the group. */
    public static synchronized void remove(String id) {
        CLINICIANS.removeIf(u -> u.get("id").equals(id));
        publish();
    }

    /** Keycloak's answer to deleting this user's account from now on (204 deleted, 404 none, 503 unreachable). */
    public static synchronized void accountDeletion(String userId, int status) {
        server().register(delete(urlPathEqualTo(REALM + "/users/" + userId))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withStatus(status)));
    }

    /** How many times this user's account was asked to be deleted. */
    public static synchronized int accountDeletions(String userId) {
        return server().find(deleteRequestedFor(urlPathEqualTo(REALM + "/users/" + userId)))
                .size();
    }

    private static void publish() {
        WireMock server = server();
        server.register(get(urlPathEqualTo(REALM + "/group-by-path/clinicians"))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson(json(Map.of("id", GROUP_ID, "name", "clinicians", "path", "/clinicians")))));
        for (int first = 0; first <= CLINICIANS.size(); first += PAGE) {
            server.register(get(urlPathEqualTo(REALM + "/groups/" + GROUP_ID + "/members"))
                    .withHeader("Authorization", matching("Bearer .+"))
                    .withQueryParam("first", equalTo(String.valueOf(first)))
                    .withQueryParam("max", equalTo(String.valueOf(PAGE)))
                    .willReturn(okJson(json(CLINICIANS.subList(first, Math.min(CLINICIANS.size(), first + PAGE))))));
        }
    }

    private static WireMock server() {
        if (wireMock == null) {
            URI url = URI.create(ConfigProvider.getConfig().getValue("keycloak.url", String.class));
            wireMock = new WireMock(url.getHost(), url.getPort());
        }
        return wireMock;
    }

    private static String json(Object value) {
        try {
            return TestEvents.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
