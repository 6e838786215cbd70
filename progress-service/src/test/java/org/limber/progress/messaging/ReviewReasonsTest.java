package org.limber.progress.messaging;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.limber.events.member.MemberNeedsReview.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewReasonsTest {

    @Test
    void aReviewHasOneToTwentyReasonsEachWithACodeAndAText() {
        assertThat(MemberEventsConsumer.reasons(List.of(new Reason("NO_SAFE_SESSION", "why"))))
                .isTrue();
        assertThat(MemberEventsConsumer.reasons(List.of())).isFalse();
        assertThat(MemberEventsConsumer.reasons(List.of(new Reason("NO_SAFE_SESSION", " "))))
                .isFalse();
        assertThat(MemberEventsConsumer.reasons(Collections.nCopies(21, new Reason("A", "b"))))
                .isFalse();
    }
}
