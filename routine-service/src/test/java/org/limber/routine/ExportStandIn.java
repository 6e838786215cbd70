package org.limber.routine;

import java.net.URI;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.eclipse.microprofile.config.ConfigProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stand-ins for progress-service's and engagement-service's GET /members/me/data, on the tests' WireMock
 * server (routine's tests run without the other services; the launcher's smoke test runs the real ones).
 * Each answer is registered for one bearer token only, so a part reaches routine only when routine forwarded
 * the member's own token; any other call finds no stub and gets WireMock's 404.
 */
public final class ExportStandIn {

    private static WireMock wireMock;
    private static String prefix;

    private ExportStandIn() {}

    /** {@code service} answers 200 with {@code json} to a call carrying {@code token}. */
    public static void part(String service, String token, String json) {
        server().register(get(urlPathEqualTo(path(service)))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json)));
    }

    /** {@code service} answers {@code status} to a call carrying {@code token}. */
    public static void failing(String service, String token, int status) {
        server().register(get(urlPathEqualTo(path(service)))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status)));
    }

    /** {@code service} drops the connection of a call carrying {@code token}, as a service going down does. */
    public static void unreachable(String service, String token) {
        server().register(get(urlPathEqualTo(path(service)))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static String path(String service) {
        server();
        return prefix + "/stand-in/" + service + "/members/me/data";
    }

    private static synchronized WireMock server() {
        if (wireMock == null) {
            URI url = URI.create(ConfigProvider.getConfig().getValue("keycloak.url", String.class));
            wireMock = new WireMock(url.getHost(), url.getPort());
            prefix = url.getPath().replaceAll("/+$", "");
        }
        return wireMock;
    }
}
