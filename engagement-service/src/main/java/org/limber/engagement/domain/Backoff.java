package org.limber.engagement.domain;

import java.time.Duration;

/** The wait before a delivery's next attempt: the first back-off doubled per attempt, at most an hour. */
public final class Backoff {

    static final Duration MAX = Duration.ofHours(1);

    private Backoff() {}

    public static Duration after(int attempts, Duration first) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(MAX) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
