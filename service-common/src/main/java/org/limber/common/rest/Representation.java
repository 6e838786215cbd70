package org.limber.common.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A response body serialized once, with its strong ETag (a hash of the exact bytes), so a body
 * kept in memory is answered, or a 304 given, without serializing or hashing it again.
 * {@link ConditionalGetFilter} takes it as it is.
 */
public record Representation(byte[] body, String etag) {

    public static Representation of(byte[] body) {
        return new Representation(body, etag(body));
    }

    /** The strong ETag of a body: a quoted, URL-safe hash of its bytes. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
