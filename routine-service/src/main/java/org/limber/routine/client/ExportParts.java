package org.limber.routine.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.limber.common.problem.ProblemException;

/**
 * Opens the other services' parts of a member's export: GET {base}/members/me/data with the member's own
 * bearer token (so each service decides, as for any call of the member's, what it gives), both at once. A
 * part is open when its service answered 200; its body is then read as the export is written. The JDK's
 * HTTP client streams the body as it arrives, so no part is held in memory.
 */
public final class ExportParts {

    /** A part whose service answered 200: its body, not yet read. */
    public record Part(String service, InputStream body) implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Both parts, open. */
    public record Opened(Part progress, Part engagement) implements AutoCloseable {
        @Override
        public void close() {
            try (progress;
                    engagement) {
                // closes both
            }
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public ExportParts(Duration timeout) {
        this.client = HttpClient.newBuilder()
                // Plain HTTP/1.1: no h2c upgrade round to the services (they speak it, it gains nothing here).
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    /**
     * Opens both parts; throws a 503 problem naming the service (its {@code service} member) when one
     * cannot be reached or answers anything but 200, after closing the other.
     */
    public Opened open(String progressUrl, String engagementUrl, String bearerToken) {
        CompletableFuture<HttpResponse<InputStream>> progress = request(progressUrl, bearerToken);
        CompletableFuture<HttpResponse<InputStream>> engagement = request(engagementUrl, bearerToken);
        Part progressPart = null;
        try {
            progressPart = part("progress", progress);
            Part engagementPart = part("engagement", engagement);
            return new Opened(progressPart, engagementPart);
        } catch (RuntimeException e) {
            if (progressPart != null) {
                progressPart.close();
            }
            engagement.thenAccept(r -> closeQuietly(r.body()));
            throw e;
        }
    }

    private CompletableFuture<HttpResponse<InputStream>> request(String baseUrl, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/members/me/data"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static Part part(String service, CompletableFuture<HttpResponse<InputStream>> pending) {
        HttpResponse<InputStream> response;
        try {
            response = pending.join();
        } catch (CompletionException e) {
            throw unavailable(service, service + "-service could not be reached");
        }
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            throw unavailable(service, service + "-service answered " + response.statusCode());
        }
        return new Part(service, response.body());
    }

    /** 503, before any byte of the export is written: the member can try again. */
    static ProblemException unavailable(String service, String why) {
        return ProblemException.unavailable(
                        "export-part-unavailable",
                        "Your data export cannot be made now: " + why + ". Please try again in a few minutes.",
                        60)
                .with("service", service);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing read from it; the connection goes back or is dropped
        }
    }
}
