package org.limber.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

import org.limber.postgres.EmbeddedPostgresServer;

/** The local PostgreSQL server (data kept in {@code .local/postgres}), with a database and a role per service. */
final class PostgresProcess implements AutoCloseable {

    private final Path dir;
    private final EmbeddedPostgresServer server;

    private PostgresProcess(Path dir, EmbeddedPostgresServer server) {
        this.dir = dir;
        this.server = server;
    }

    static PostgresProcess start(Path dir, int port) {
        return new PostgresProcess(dir, EmbeddedPostgresServer.start(dir, port, false));
    }

    /** The postmaster's process id (the first line of its pid file), for the launcher's own pid file. */
    OptionalLong pid() {
        return pidOf(dir.resolve("data/postmaster.pid"));
    }

    static OptionalLong pidOf(Path postmasterPid) {
        try {
            String first = Files.readAllLines(postmasterPid).get(0).trim();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Creates the database and its owner role (password = name) unless they exist. */
    void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
                Statement statement = connection.createStatement()) {
            if (!statement
                    .executeQuery("select 1 from pg_roles where rolname = '" + name + "'")
                    .next()) {
                statement.execute("create role \"" + name + "\" login password '" + name + "'");
            }
            if (!statement
                    .executeQuery("select 1 from pg_database where datname = '" + name + "'")
                    .next()) {
                statement.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    static String jdbcUrl(Ports ports, String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
    }

    @Override
    public void close() {
        server.close();
    }
}
