package org.limber.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the simulator needs from Keycloak: users created through the admin API (with the scripts
 * client's service account) and tokens for them (password grant, then refresh grant).
 */
public final class Keycloak {

    /** A user's tokens, renewed shortly before the access token expires. */
    public final class UserToken {
        private final String username;
        private final String password;
        private String access;
        private String refresh;
        /** When to renew, as {@link System#nanoTime()}: the tokens' lifetime is elapsed time. */
        private long renewAt;

        private boolean renewed;

        UserToken(String username, String password) {
            this.username = username;
            this.password = password;
        }

        public synchronized String get() {
            if (!renewed || System.nanoTime() - renewAt >= 0) {
                JsonNode tokens = null;
                if (refresh != null) {
                    JsonHttp.Reply reply = http.form(
                            tokenUrl(),
                            Map.of(
                                    "grant_type",
                                    "refresh_token",
                                    "client_id",
                                    clientId,
                                    "client_secret",
                                    clientSecret,
                                    "refresh_token",
                                    refresh));
                    tokens = reply.ok() ? reply.body() : null;
                }
                if (tokens == null) {
                    tokens = http.form(
                                    tokenUrl(),
                                    Map.of(
                                            "grant_type",
                                            "password",
                                            "client_id",
                                            clientId,
                                            "client_secret",
                                            clientSecret,
                                            "username",
                                            username,
                                            "password",
                                            password,
                                            "scope",
                                            "openid"))
                            .expect("token for " + username);
                }
                access = tokens.path("access_token").asText();
                refresh = tokens.path("refresh_token").asText(null);
                renewAt = renewAt(tokens);
                renewed = true;
            }
            return access;
        }
    }

    private final JsonHttp http;
    private final String baseUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private String serviceToken;
    private long serviceRenewAt;

    public Keycloak(JsonHttp http, String baseUrl, String realm, String clientId, String clientSecret) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public String tokenUrl() {
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    public UserToken user(String username, String password) {
        return new UserToken(username, password);
    }

    /** Creates a user in a group (which carries the realm role), or finds the one of that name; answers its id (the token subject). */
    public String ensureUser(String username, String password, String firstName, String lastName, String group) {
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "emailVerified",
                true,
                "email",
                username + "@demo.limber.dev",
                "firstName",
                firstName,
                "lastName",
                lastName,
                "groups",
                List.of(group),
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false)));
        JsonHttp.Reply reply = http.post(adminUrl() + "/users", serviceToken(), user);
        if (reply.status() == 201 && reply.location() != null) {
            return reply.location().substring(reply.location().lastIndexOf('/') + 1);
        }
        if (reply.status() == 409) {
            return userId(username);
        }
        throw new JsonHttp.CallFailed(
                "creating user " + username + " answered " + reply.status() + ": " + reply.body());
    }

    /** The id of an existing user. */
    public String userId(String username) {
        JsonNode users = http.get(adminUrl() + "/users?exact=true&username=" + username, serviceToken())
                .expect("looking up " + username);
        if (!users.isArray() || users.isEmpty()) {
            throw new JsonHttp.CallFailed("no user " + username + " in realm " + realm);
        }
        return users.get(0).path("id").asText();
    }

    private String adminUrl() {
        return baseUrl + "/admin/realms/" + realm;
    }

    private synchronized String serviceToken() {
        if (serviceToken == null || System.nanoTime() - serviceRenewAt >= 0) {
            JsonNode tokens = http.form(
                            tokenUrl(),
                            Map.of(
                                    "grant_type",
                                    "client_credentials",
                                    "client_id",
                                    clientId,
                                    "client_secret",
                                    clientSecret))
                    .expect("service account token of " + clientId);
            serviceToken = tokens.path("access_token").asText();
            serviceRenewAt = renewAt(tokens);
        }
        return serviceToken;
    }

    /** A minute before the access token expires (at least 10 s from now), as {@link System#nanoTime()}. */
    private static long renewAt(JsonNode tokens) {
        long seconds = Math.max(10, tokens.path("expires_in").asLong(60) - 60);
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }
}
