package org.limber.engagement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A local push service for tests and the benchmark: it takes Web Push requests on {@code /push/<name>}, answers
 * with the status set for the name (201 by default) and keeps what arrived. A {@link Subscriber} holds a
 * browser's own keys (P-256 pair and auth secret) and decrypts a message as a browser would (RFC 8291,
 * aes128gcm), with the JDK's crypto only.
 */
public final class PushEndpoint implements AutoCloseable {

    /** One request that arrived. */
    public record Received(String name, Map<String, List<String>> headers, byte[] body, long atNanos) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean keep = true;

    public PushEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String name = exchange.getRequestURI().getPath().substring("/push/".length());
            if (keep) {
                received.add(new Received(name, Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            }
            count.incrementAndGet();
            exchange.sendResponseHeaders(statuses.getOrDefault(name, 201), -1);
            exchange.close();
        });
        server.start();
    }

    /** Keep only the count, not each request (the benchmark). */
    public void countOnly() {
        keep = false;
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + name;
    }

    public void answer(String name, int status) {
        statuses.put(name, status);
    }

    /** What arrived for one name (every request when {@code name} is null). */
    public List<Received> received(String name) {
        return received.stream()
                .filter(r -> name == null || r.name().equals(name))
                .toList();
    }

    public int count() {
        return count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A browser's subscription keys. */
    public static final class Subscriber {

        private final KeyPair keys;
        private final byte[] auth = new byte[16];

        public Subscriber() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                keys = generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            new SecureRandom().nextBytes(auth);
        }

        public String p256dh() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(point((ECPublicKey) keys.getPublic()));
        }

        public String auth() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
        }

        /** The plaintext of an aes128gcm message (RFC 8188 header, RFC 8291 keys). */
        public String decrypt(byte[] message) throws Exception {
            ByteBuffer in = ByteBuffer.wrap(message);
            byte[] salt = new byte[16];
            in.get(salt);
            in.getInt();
            byte[] senderKey = new byte[in.get() & 0xff];
            in.get(senderKey);
            byte[] cipherText = new byte[in.remaining()];
            in.get(cipherText);

            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init((ECPrivateKey) keys.getPrivate());
            agreement.doPhase(publicKey(senderKey), true);
            byte[] ecdhSecret = agreement.generateSecret();
            byte[] uaPublic = point((ECPublicKey) keys.getPublic());
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, senderKey);
            byte[] ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] padded = cipher.doFinal(cipherText);
            int end = padded.length - 1;
            while (end >= 0 && padded[end] == 0) {
                end--;
            }
            if (end < 0 || padded[end] != 2) {
                throw new IllegalStateException("no last-record delimiter");
            }
            return new String(Arrays.copyOf(padded, end), StandardCharsets.UTF_8);
        }

        private ECPublicKey publicKey(byte[] point) throws Exception {
            var params = ((ECPublicKey) keys.getPublic()).getParams();
            ECPoint w = new ECPoint(
                    new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                    new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
        }

        private static byte[] point(ECPublicKey key) {
            return concat(
                    new byte[] {4},
                    unsigned(key.getW().getAffineX()),
                    unsigned(key.getW().getAffineY()));
        }

        private static byte[] unsigned(BigInteger n) {
            byte[] raw = n.toByteArray();
            byte[] out = new byte[32];
            int copy = Math.min(32, raw.length);
            System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
            return out;
        }

        private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] okm = mac.doFinal(concat(info, new byte[] {1}));
            return Arrays.copyOf(okm, length);
        }

        private static byte[] concat(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }
}
