package org.limber.console.rest;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for routine- and progress-service together (one WireMock on a free port: their paths differ), for
 * tests of pages that need both; each test stubs what it needs. catalog-service stays where nothing listens.
 * It also stands in for engagement-service's care-team API ({@code limber.engagement.url}; its paths differ too).
 * The pages' tests stub the answers the services' own tests pin; the smoke test drives the console against the real
 * services.
 */
public class ServicesDouble implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "quarkus.rest-client.routine.url", server.baseUrl(),
                "quarkus.rest-client.progress.url", server.baseUrl(),
                "limber.engagement.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
