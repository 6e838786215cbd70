package org.limber.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pseudonym of a member, the same in every service: {@code "erased:"} and the first 32 hex
 * characters of HMAC-SHA256(key, member id), the key from {@code limber.privacy.pseudonym-key}
 * (env {@code LIMBER_PSEUDONYM_KEY}). Without the key the pseudonym cannot be turned back into the id
 * (nor checked against a guessed id); a service built for production refuses the development key
 * ({@code DevelopmentCredentialsCheck}). Changing the key orphans the pseudonyms already written: the
 * erased-member lists would no longer match (see docs/security.md).
 */
@ApplicationScoped
public class Pseudonyms {

    /** The launcher's and the tests' key; a production service refuses it. */
    public static final String DEVELOPMENT_KEY = "limber-development-pseudonym-key";

    public static final String PREFIX = "erased:";
    private static final int HEX_CHARS = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    @Inject
    public Pseudonyms(
            @ConfigProperty(name = "limber.privacy.pseudonym-key", defaultValue = DEVELOPMENT_KEY) String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("limber.privacy.pseudonym-key (LIMBER_PSEUDONYM_KEY) is blank");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The member's pseudonym; the same id gives the same pseudonym in every service sharing the key. */
    public String of(String memberId) {
        if (memberId == null) {
            throw new IllegalArgumentException("no member id");
        }
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(memberId.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
