package org.limber.engagement.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;

/**
 * A browser's PushSubscription as {@code JSON.stringify} gives it ({@code expirationTime} allowed and ignored):
 * an https endpoint of at most {@value #MAX_ENDPOINT} characters, the P-256 key (65 bytes) and the 16-byte auth
 * secret, both base64url.
 */
public record PushSubscriptionBody(String endpoint, Long expirationTime, Keys keys) {

    static final int MAX_ENDPOINT = 1000;

    public record Keys(String p256dh, String auth) {}

    /** Checks every field; a 400 naming the bad ones. */
    void check(boolean allowHttp) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!endpoint(endpoint, allowHttp)) {
            errors.add(new FieldProblem("endpoint", "must be an https URL of at most " + MAX_ENDPOINT + " characters"));
        }
        if (keys == null || decodedLength(keys.p256dh()) != 65) {
            errors.add(new FieldProblem("keys.p256dh", "must be a P-256 public key (65 bytes, base64url)"));
        }
        if (keys == null || decodedLength(keys.auth()) != 16) {
            errors.add(new FieldProblem("keys.auth", "must be a 16-byte secret, base64url"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(400, "The push subscription has invalid fields.", errors);
        }
    }

    static boolean endpoint(String endpoint, boolean allowHttp) {
        if (endpoint == null || endpoint.length() > MAX_ENDPOINT) {
            return false;
        }
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("https".equals(scheme) || (allowHttp && "http".equals(scheme)));
        } catch (Exception e) {
            return false;
        }
    }

    private static int decodedLength(String value) {
        if (value == null || value.length() > 200) {
            return -1;
        }
        try {
            return Base64.getUrlDecoder()
                    .decode(value.replace('+', '-').replace('/', '_').replace("=", ""))
                    .length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
