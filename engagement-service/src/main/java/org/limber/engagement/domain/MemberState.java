package org.limber.engagement.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a due reminder is checked against when it fires: whether the member has a plan, whether it is
 * suspended, the local days with a logged session (in the member's zone) and the local day of the last
 * reminder sent.
 */
public record MemberState(boolean hasPlan, boolean suspended, Set<LocalDate> loggedDays, LocalDate lastSentOn) {

    public MemberState {
        loggedDays = Set.copyOf(loggedDays);
    }
}
