package org.limber.engagement.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;

import org.limber.common.time.Timestamps;
import org.limber.engagement.config.PushConfig;
import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.repository.DeliveryStore.Claimed;

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292), the payload encrypted for the subscription's keys (RFC 8291,
 * aes128gcm) by {@code com.interaso:webpush}; sent with the JDK's HTTP client, at most
 * {@code limber.push.concurrency} requests at once. The VAPID token is made once per push service and
 * reused for an hour (it is valid for twelve). 2xx is sent, 404 and 410 mean the subscription is gone, 429
 * and 5xx and network failures are retried, other answers fail for good.
 */
@ApplicationScoped
public class WebPushChannel implements Channel {

    static final int TTL_SECONDS = 24 * 3600;
    static final Duration TOKEN_REUSE = Duration.ofHours(1);

    private record Token(String value, Instant madeAt) {}

    private final WebPush webPush;
    private final HttpClient http;
    private final Duration timeout;
    private final Semaphore inFlight;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService encryption;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public WebPushChannel(PushConfig config, ObjectMapper json, Clock clock) {
        this.webPush =
                new WebPush(config.subject(), VapidKeys.fromUncompressedBytes(config.publicKey(), config.privateKey()));
        this.timeout = config.timeout();
        this.inFlight = new Semaphore(Math.max(1, config.concurrency()));
        this.json = json;
        this.clock = clock;
        this.encryption =
                Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @PreDestroy
    void close() {
        encryption.shutdownNow();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.PUSH;
    }

    @Override
    public CompletionStage<Result> send(Claimed delivery) {
        if (delivery.p256dh() == null || delivery.auth() == null) {
            return CompletableFuture.completedFuture(Result.gone("the subscription was removed"));
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(Result.retry("interrupted"));
        }
        return CompletableFuture.supplyAsync(() -> request(delivery), encryption)
                .thenCompose(request -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .handle((response, failure) -> {
                    inFlight.release();
                    return failure != null
                            ? Result.retry(failure.getClass().getSimpleName())
                            : outcome(response.statusCode());
                });
    }

    /** The encrypted request for one delivery. */
    HttpRequest request(Claimed delivery) {
        byte[] body = webPush.getBody(payload(delivery), decode(delivery.p256dh()), decode(delivery.auth()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.target()))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        webPush.getHeadersWithToken(token(delivery.target()), TTL_SECONDS, null, WebPush.Urgency.High)
                .forEach(request::header);
        return request.build();
    }

    static Result outcome(int status) {
        if (status >= 200 && status < 300) {
            return Result.SENT;
        }
        if (status == 404 || status == 410) {
            return Result.gone("the push service answered " + status);
        }
        if (status == 429 || status >= 500) {
            return Result.retry("the push service answered " + status);
        }
        return Result.failed("the push service answered " + status);
    }

    /** The public key browsers subscribe with (base64url, uncompressed point). */
    public String publicKey() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(webPush.getVapidKeys().getApplicationServerKey());
    }

    private byte[] payload(Claimed delivery) {
        try {
            return json.writeValueAsString(Map.of("title", delivery.title(), "body", delivery.body(), "url", "/"))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String endpoint) {
        String audience = webPush.getAudience(endpoint);
        Instant now = Timestamps.now(clock);
        Token token = tokens.get(audience);
        if (token == null
                || token.madeAt().plus(TOKEN_REUSE).isBefore(now)
                || token.madeAt().isAfter(now)) {
            token = new Token(webPush.getToken(audience, 12 * 3600), now);
            tokens.put(audience, token);
        }
        return token.value();
    }

    private static byte[] decode(String base64) {
        String url = base64.replace('+', '-').replace('/', '_').replace("=", "");
        return Base64.getUrlDecoder().decode(url);
    }
}
