package org.limber.engagement.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.engagement.PushEndpoint;
import org.limber.engagement.service.ReminderScheduler;

/**
 * The reminder benchmark: a harness that prints figures, not a test with time limits (its name is not a test's,
 * so it runs only when named). {@code bench.members} (100,000) members with a plan, a push subscription at a
 * local push endpoint (an HTTP server in this JVM) and a reminder due in the same minute; then the service's own
 * scheduler claims them ({@code FOR UPDATE SKIP LOCKED}, batches of 500), writes their deliveries, and the
 * delivery service encrypts (RFC 8291) and sends each to the endpoint. Prints the rate and the delay from the
 * due instant to each push's arrival (p50, p99, max). Target: all sent within 60 s.
 * <p>
 * Run: {@code ./mvnw -B -pl engagement-service -am test -Dtest=ReminderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.members=10000} for a quick run).
 */
@QuarkusTest
class ReminderBenchmark {

    @Inject
    ReminderScheduler scheduler;

    @Inject
    DataSource dataSource;

    @Test
    void remindersDueInTheSameMinute() throws Exception {
        int members = Integer.getInteger("bench.members", 100_000);
        PushEndpoint.Subscriber browser = new PushEndpoint.Subscriber();
        try (PushEndpoint endpoint = new PushEndpoint()) {
            String prefix = "bench-" + System.nanoTime() + "-";
            long seeded = System.nanoTime();
            seed(members, prefix, endpoint.url(prefix), browser);
            System.out.printf("Seeded %,d members in %.1f s%n", members, (System.nanoTime() - seeded) / 1e9);

            long start = System.nanoTime();
            int claimed = scheduler.runDue();
            long claimedAt = System.nanoTime();
            while (endpoint.count() < members && System.nanoTime() - start < 600_000_000_000L) {
                Thread.sleep(50);
            }
            long end = System.nanoTime();
            List<PushEndpoint.Received> received = endpoint.received(null);
            long[] delays = received.stream()
                    .mapToLong(r -> r.atNanos() - start)
                    .sorted()
                    .toArray();
            double seconds = (end - start) / 1e9;
            System.out.printf(
                    "Reminders: %,d members due in the same minute, %,d claimed (and their deliveries sent) in %.1f s, %,d pushes received in %.1f s%n",
                    members, claimed, (claimedAt - start) / 1e9, endpoint.count(), seconds);
            System.out.printf(
                    "Reminders: rate %,.0f pushes/s; delay after the due instant p50 %.1f s, p99 %.1f s, max %.1f s;"
                            + " target all within 60 s: %s%n",
                    endpoint.count() / seconds,
                    percentile(delays, 0.50),
                    percentile(delays, 0.99),
                    percentile(delays, 1.0),
                    endpoint.count() >= members && seconds <= 60 ? "met" : "NOT met");
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e9;
    }

    private void seed(int members, String prefix, String url, PushEndpoint.Subscriber browser) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement seed = db.prepareStatement("""
                    insert into member_plan (member_id, plan_version, sessions_per_week, updated_at)
                    select ? || n, 1, 7, now() from generate_series(1, ?) n;
                    """)) {
                seed.setString(1, prefix);
                seed.setInt(2, members);
                seed.executeUpdate();
            }
            try (PreparedStatement seed = db.prepareStatement("""
                    insert into push_subscription (endpoint, user_id, p256dh, auth, created_at)
                    select ? || n, ? || n, ?, ?, now() from generate_series(1, ?) n;
                    """)) {
                seed.setString(1, url + "-");
                seed.setString(2, prefix);
                seed.setString(3, browser.p256dh());
                seed.setString(4, browser.auth());
                seed.setInt(5, members);
                seed.executeUpdate();
            }
            try (PreparedStatement seed = db.prepareStatement("""
                    insert into reminder (member_id, days, at_time, time_zone, channels, enabled, next_fire_at,
                                          next_day, next_kind, updated_at)
                    select ? || n, '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY}', '18:00', 'UTC',
                           '{PUSH}', true, date_trunc('minute', now()), current_date, 'SESSION', now()
                    from generate_series(1, ?) n;
                    """)) {
                seed.setString(1, prefix);
                seed.setInt(2, members);
                seed.executeUpdate();
            }
            db.createStatement().execute("analyze member_plan; analyze reminder; analyze push_subscription");
        }
    }
}
