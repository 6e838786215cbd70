package org.limber.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Waiting for a started process to be ready: polling its check, reporting progress, failing when it exits or times out. */
final class Readiness {

    /** The Prometheus line of progress-service's count of completed alert-rule runs. */
    private static final Pattern ALERT_CHECKS =
            Pattern.compile("(?m)^limber_alerts_checks_total(?:\\{[^}]*\\})? (\\S+)$");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Console console;
    private final Path root;
    private final Ports ports;

    Readiness(Console console, Path root, Ports ports) {
        this.console = console;
        this.root = root;
        this.ports = ports;
    }

    interface Check {
        boolean ready() throws Exception;
    }

    void await(ManagedProcess process, String name, Duration timeout, Check check) {
        long start = System.nanoTime();
        while (true) {
            try {
                if (check.ready()) {
                    console.clearLine();
                    console.step(name + " is ready (" + secondsSince(start) + " s)");
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (!process.alive()) {
                console.clearLine();
                throw new IllegalStateException(
                        name + " exited; the end of " + root.relativize(process.log()) + ":\n" + process.tail(30));
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException(name + " is not ready after " + timeout.toSeconds() + " s; see "
                        + root.relativize(process.log()));
            }
            console.waiting(name, secondsSince(start));
            Launcher.sleep(500);
        }
    }

    /** Whole seconds since {@code start}, a {@link System#nanoTime()}. */
    static long secondsSince(long start) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    /** Whether progress-service's alert scheduler has completed a run: its {@code limber_alerts_checks_total} is above 0. */
    boolean alertsChecked() throws IOException, InterruptedException {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + ports.progress() + "/q/metrics"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return ALERT_CHECKS.matcher(metrics).results().anyMatch(m -> Double.parseDouble(m.group(1)) > 0);
    }

    boolean httpOk(String url) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }
}
