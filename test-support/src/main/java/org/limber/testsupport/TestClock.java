package org.limber.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import jakarta.inject.Singleton;

/**
 * The clock of a service under test: the service's one {@link Clock} bean while its
 * {@code @QuarkusTest}s run (it replaces service-common's default, the system clock in UTC; this
 * module's {@code META-INF/beans.xml} makes Quarkus find it). It reads the system clock until a test
 * sets it, and a test that sets it resets it after ({@code @AfterEach}): the application, its
 * consumers and schedulers included, is shared by every test of the module.
 *
 * <pre>{@code
 * @Inject TestClock clock;
 *
 * @BeforeEach void noon() { clock.runFrom(TestClock.noonToday()); }
 * @AfterEach void reset() { clock.reset(); }
 * }</pre>
 *
 * <p>A test that needs "an hour ago" to be today, whatever the hour it runs at, runs the service's
 * clock from {@link #noonToday()} and takes its own "now" from {@link #instant()}.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Clock current = Clock.systemUTC();

    /** Noon (UTC) of today: an hour before or after it is still today, whatever the hour the test runs at. */
    public static Instant noonToday() {
        return LocalDate.now(ZoneOffset.UTC).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    /** From now on the clock runs (at the system clock's pace) from {@code at}. */
    public void runFrom(Instant at) {
        current = Clock.offset(
                Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), at));
    }

    /** From now on the clock stands still at {@code at}. */
    public void fixAt(Instant at) {
        current = Clock.fixed(at, ZoneOffset.UTC);
    }

    /** Back to the system clock. */
    public void reset() {
        current = Clock.systemUTC();
    }

    /** Today's date (UTC) by this clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }

    @Override
    public long millis() {
        return current.millis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A clock in another zone that still follows this one (set or reset later). */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock outer = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return outer.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }
        };
    }
}
