package org.limber.console.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DoneTest {

    @Test
    void aCodeFromTheListShowsItsMessageWithAVersionWhereItTakesOne() {
        assertThat(Done.message("ALERT_ACKNOWLEDGED")).isEqualTo("Alert acknowledged.");
        assertThat(Done.message(Done.PUBLISHED.code(4))).isEqualTo("Published as version 4.");
        assertThat(Done.PUBLISHED.code(null)).isEqualTo("PUBLISHED");
        assertThat(Done.message("PUBLISHED")).isEqualTo("Published.");
        assertThat(Done.message(Done.REVIEW_PLAN_RUNS.code(7)))
                .isEqualTo("Review recorded: the plan runs again (version 7).");
        // A version on a message that takes none is ignored, and so is one that is not a small whole number.
        assertThat(Done.ALERT_RESOLVED.code(3)).isEqualTo("ALERT_RESOLVED");
        assertThat(Done.message("ALERT_RESOLVED.3")).isEqualTo("Alert resolved.");
        assertThat(Done.message("PUBLISHED.0")).isEqualTo("Published.");
        assertThat(Done.message("PUBLISHED.99999999")).isEqualTo("Published.");
        assertThat(Done.message("PUBLISHED.<b>hi</b>")).isEqualTo("Published.");
    }

    @Test
    void anythingElseShowsNothing() {
        assertThat(Done.message(null)).isNull();
        assertThat(Done.message("Your session expired, sign in at evil.example"))
                .isNull();
        assertThat(Done.message("valueOf")).isNull();
        assertThat(Done.message("")).isNull();
        assertThat(Done.message("A".repeat(61))).isNull();
    }
}
