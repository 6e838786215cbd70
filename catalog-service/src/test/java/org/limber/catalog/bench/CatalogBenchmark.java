package org.limber.catalog.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The catalog read benchmark: a harness that prints figures, not a test with time limits. In
 * one run against one started service (the real one, on the test infrastructure's database and
 * broker), each endpoint is warmed up for {@code bench.warmUpSeconds} (3 s), then each is read by
 * {@code bench.clients} (8) keep-alive clients for {@code bench.seconds} (8 s), and its rate
 * is printed beside its share of the trivial endpoint's ({@code /q/health/live}) rate.
 * <p>
 * Run: {@code ./mvnw -B -pl catalog-service -am verify -Dtest=CatalogBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * (a quick check: {@code -Dbench.seconds=1 -Dbench.warmUpSeconds=1}).
 */
@QuarkusTest
class CatalogBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 3);

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** One endpoint to read: a path, the If-None-Match to send (or null) and the status expected. */
    record Endpoint(String name, String path, String ifNoneMatch, int status) {}

    @Test
    void run() throws Exception {
        String etag = etag("/exercises/bird-dog");
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /q/health/live", "/q/health/live", null, 200),
                new Endpoint("GET /exercises?size=20", "/exercises?size=20", null, 200),
                new Endpoint(
                        "GET /exercises?q=stretch&equipment=NONE", "/exercises?q=stretch&equipment=NONE", null, 200),
                new Endpoint("GET /exercises/bird-dog", "/exercises/bird-dog", null, 200),
                new Endpoint("GET /exercises/bird-dog, 304 (If-None-Match)", "/exercises/bird-dog", etag, 304));
        System.out.printf(
                "=== catalog-service read benchmark (%d cores, %d keep-alive clients, %d s each after %d s warm-up) ===%n",
                Runtime.getRuntime().availableProcessors(), CLIENTS, SECONDS, WARM_UP_SECONDS);
        Map<Endpoint, Double> rates = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            measure(endpoint, WARM_UP_SECONDS); // every path compiled by the JIT before any is measured
        }
        for (Endpoint endpoint : endpoints) {
            rates.put(endpoint, measure(endpoint, SECONDS));
        }
        double trivial = rates.get(endpoints.get(0));
        System.out.println("| what | req/s | share of `/q/health/live` |");
        System.out.println("|---|---|---|");
        rates.forEach((endpoint, rate) -> System.out.printf(
                Locale.ROOT, "| catalog `%s` | %,.0f | %.0f%% |%n", endpoint.name(), rate, 100 * rate / trivial));
    }

    private String etag(String path) throws IOException {
        try (Client client = new Client(port)) {
            Client.Answer answer = client.get(path, null);
            if (answer.status() != 200 || answer.etag() == null) {
                throw new IllegalStateException(path + " answered " + answer.status() + " without an ETag");
            }
            return answer.etag();
        }
    }

    /** Requests per second of the endpoint over {@code seconds}; any unexpected answer fails the run. */
    private double measure(Endpoint endpoint, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    try (Client client = new Client(port)) {
                        while (!stop.get()) {
                            Client.Answer answer = client.get(endpoint.path(), endpoint.ifNoneMatch());
                            if (answer.status() != endpoint.status()) {
                                throw new IllegalStateException(endpoint.name() + " answered " + answer.status());
                            }
                            n++;
                        }
                    }
                    return n;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A minimal HTTP/1.1 keep-alive client over one socket (as {@code ab -k} is): it sends a GET
     * and reads the status, the headers and a body of Content-Length or chunked transfer coding.
     */
    static final class Client implements AutoCloseable {

        record Answer(int status, String etag) {}

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        Answer get(String path, String ifNoneMatch) throws IOException {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            String etag = null;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "etag" -> etag = value;
                    default -> {}
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return new Answer(status, etag);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("the server closed the connection");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
