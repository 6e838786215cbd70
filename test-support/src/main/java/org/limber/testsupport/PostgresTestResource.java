package org.limber.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.limber.postgres.EmbeddedPostgresServer;

/**
 * Starts a real PostgreSQL server for the test run and points the default datasource at it.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(TestDirs.fresh("postgres"), 0, true);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                server.jdbcUrl("postgres"),
                "quarkus.datasource.username",
                EmbeddedPostgresServer.USER,
                "quarkus.datasource.password",
                "");
    }

    /** The JDBC URL of the running test database, for tests that check rows directly. */
    public static String jdbcUrl() {
        return server.jdbcUrl("postgres");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
