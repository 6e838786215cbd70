package org.limber.routine.domain.privacy;

import java.time.Instant;

/** A legal hold on a member's record: their erasure waits until it is released. */
public record LegalHold(String memberId, String reason, String placedBy, Instant placedAt) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 500;
}
