package org.limber.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real servers a module's {@code @QuarkusTest}s run against, started once per test run and side
 * by side: PostgreSQL, a Kafka broker (in a process of its own with the init argument
 * {@value KafkaTestResource#OWN_PROCESS} {@code true}) and, unless the module sets the init argument
 * {@value #OIDC} to {@code false}, an OIDC provider issuing signed tokens. Quarkus only finds test resources declared
 * in a module's own test classes, so each module names this once, on its {@code TestInfrastructure}.
 */
public class TestServers implements QuarkusTestResourceLifecycleManager {

    /** Init argument: whether to start the OIDC provider (default {@code true}). */
    public static final String OIDC = "oidc";

    private final List<QuarkusTestResourceLifecycleManager> servers = new ArrayList<>();

    @Override
    public void init(Map<String, String> args) {
        servers.add(new PostgresTestResource());
        KafkaTestResource kafka = new KafkaTestResource();
        kafka.init(args);
        servers.add(kafka);
        if (Boolean.parseBoolean(args.getOrDefault(OIDC, "true"))) {
            servers.add(new OidcWiremockTestResource());
        }
    }

    @Override
    public Map<String, String> start() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<CompletableFuture<Map<String, String>>> started = servers.stream()
                .map(server -> CompletableFuture.supplyAsync(() -> startWith(loader, server)))
                .toList();
        Map<String, String> config = new HashMap<>();
        started.forEach(future -> config.putAll(future.join()));
        return config;
    }

    /** Starts a server on a pool thread with the test's class loader, as Quarkus would start it. */
    private static Map<String, String> startWith(ClassLoader loader, QuarkusTestResourceLifecycleManager server) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return server.start();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Injects what a server offers a test (the OIDC provider's {@code @OidcWireMock} server). */
    @Override
    public void inject(TestInjector injector) {
        servers.forEach(server -> server.inject(injector));
    }

    @Override
    public void stop() {
        servers.forEach(QuarkusTestResourceLifecycleManager::stop);
    }
}
