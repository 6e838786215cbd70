package org.limber.progress.messaging.inbound;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewReasonsTest {

    @Test
    void aReviewHasOneToTwentyReasonsEachWithACodeAndAText() {
        assertThat(MemberEventKinds.reasons(List.of(new Reason("NO_SAFE_SESSION", "why"))))
                .isTrue();
        assertThat(MemberEventKinds.reasons(List.of())).isFalse();
        assertThat(MemberEventKinds.reasons(List.of(new Reason("NO_SAFE_SESSION", " "))))
                .isFalse();
        assertThat(MemberEventKinds.reasons(Collections.nCopies(21, new Reason("A", "b"))))
                .isFalse();
    }
}
