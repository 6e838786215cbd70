package org.limber.engagement.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderRuleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Set<ChannelKind> PUSH = Set.of(ChannelKind.PUSH);

    static ReminderSettings settings(Set<DayOfWeek> days, String time, QuietHours quiet) {
        return new ReminderSettings(days, LocalTime.parse(time), BERLIN, quiet, PUSH, true);
    }

    static MemberState active(LocalDate... logged) {
        return new MemberState(true, false, Set.of(logged), null);
    }

    @Test
    void firesAtTheLocalTimeOnBothSidesOfTheSpringChange() {
        // Berlin moves from +01:00 to +02:00 on Sunday 29 March 2026.
        ReminderSettings s = settings(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "18:30", null);
        Due saturday =
                ReminderRule.next(s, Instant.parse("2026-03-28T00:00:00Z")).orElseThrow();
        assertThat(saturday.at()).isEqualTo(Instant.parse("2026-03-28T17:30:00Z"));
        assertThat(saturday.kind()).isEqualTo(Due.Kind.SESSION);
        Due sunday = ReminderRule.next(s, saturday.at()).orElseThrow();
        assertThat(sunday.at()).isEqualTo(Instant.parse("2026-03-29T16:30:00Z"));
        assertThat(sunday.day()).isEqualTo(LocalDate.parse("2026-03-29"));
    }

    @Test
    void aTimeInTheSpringGapMovesForwardByTheGap() {
        ReminderSettings s = settings(Set.of(DayOfWeek.SUNDAY), "02:30", null);
        Due due = ReminderRule.next(s, Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();
        // 02:30 does not exist that night: 03:30 CEST, 01:30 UTC.
        assertThat(due.at()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void autumnChangeKeepsTheLocalTime() {
        // Berlin moves back from +02:00 to +01:00 on Sunday 25 October 2026.
        ReminderSettings s = settings(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "07:00", null);
        Due saturday =
                ReminderRule.next(s, Instant.parse("2026-10-24T00:00:00Z")).orElseThrow();
        assertThat(saturday.at()).isEqualTo(Instant.parse("2026-10-24T05:00:00Z"));
        Due sunday = ReminderRule.next(s, saturday.at()).orElseThrow();
        assertThat(sunday.at()).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
    }

    @Test
    void theDayAfterAPlannedDayIsANudgeAboutIt() {
        ReminderSettings s = settings(Set.of(DayOfWeek.MONDAY), "18:00", null);
        Due monday = ReminderRule.next(s, Instant.parse("2026-03-02T00:00:00Z")).orElseThrow();
        Due tuesday = ReminderRule.next(s, monday.at()).orElseThrow();
        assertThat(tuesday.kind()).isEqualTo(Due.Kind.NUDGE);
        assertThat(tuesday.day()).isEqualTo(LocalDate.parse("2026-03-02"));
        // After the nudge comes next Monday: at most one nudge.
        Due next = ReminderRule.next(s, tuesday.at()).orElseThrow();
        assertThat(next.day()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(next.kind()).isEqualTo(Due.Kind.SESSION);
    }

    @Test
    void notSentWhenThatDaysSessionIsLogged() {
        ReminderSettings s = settings(Set.of(DayOfWeek.MONDAY), "18:00", null);
        Due monday = ReminderRule.next(s, Instant.parse("2026-03-02T00:00:00Z")).orElseThrow();
        assertThat(ReminderRule.send(monday, s, active())).isTrue();
        assertThat(ReminderRule.send(monday, s, active(LocalDate.parse("2026-03-02"))))
                .isFalse();
        // The nudge the day after is about Monday: not sent when Monday's session was logged, sent when missed.
        Due nudge = ReminderRule.next(s, monday.at()).orElseThrow();
        assertThat(ReminderRule.send(nudge, s, active(LocalDate.parse("2026-03-02"))))
                .isFalse();
        assertThat(ReminderRule.send(nudge, s, active())).isTrue();
        assertThat(ReminderRule.send(nudge, s, active(LocalDate.parse("2026-03-03"))))
                .isFalse();
    }

    @Test
    void notSentWithoutAPlanOrWhileSuspended() {
        ReminderSettings s = settings(Set.of(DayOfWeek.MONDAY), "18:00", null);
        Due monday = ReminderRule.next(s, Instant.parse("2026-03-02T00:00:00Z")).orElseThrow();
        assertThat(ReminderRule.send(monday, s, new MemberState(false, false, Set.of(), null)))
                .isFalse();
        assertThat(ReminderRule.send(monday, s, new MemberState(true, true, Set.of(), null)))
                .isFalse();
    }

    @Test
    void atMostOneADay() {
        ReminderSettings s = settings(Set.of(DayOfWeek.MONDAY), "18:00", null);
        Due monday = ReminderRule.next(s, Instant.parse("2026-03-02T00:00:00Z")).orElseThrow();
        MemberState sentToday = new MemberState(true, false, Set.of(), LocalDate.parse("2026-03-02"));
        assertThat(ReminderRule.send(monday, s, sentToday)).isFalse();
    }

    @Test
    void neverInQuietHours() {
        QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
        ReminderSettings late = settings(Set.of(DayOfWeek.MONDAY), "22:15", night);
        Due due = ReminderRule.next(late, Instant.parse("2026-03-02T00:00:00Z")).orElseThrow();
        // Moved to the end of the quiet hours, 08:00 Tuesday in Berlin (+01:00).
        assertThat(due.at()).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(due.day()).isEqualTo(LocalDate.parse("2026-03-02"));
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        ReminderSettings noon = settings(Set.of(DayOfWeek.MONDAY), "12:30", lunch);
        assertThat(ReminderRule.next(noon, Instant.parse("2026-03-02T00:00:00Z"))
                        .orElseThrow()
                        .at())
                .isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(night.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(20, 59))).isFalse();
    }

    @Test
    void nothingWhenOffOrNoDays() {
        ReminderSettings off =
                new ReminderSettings(Set.of(DayOfWeek.MONDAY), LocalTime.NOON, BERLIN, null, PUSH, false);
        assertThat(ReminderRule.next(off, Instant.parse("2026-03-02T00:00:00Z")))
                .isEmpty();
        ReminderSettings none = settings(Set.of(), "12:00", null);
        assertThat(ReminderRule.next(none, Instant.parse("2026-03-02T00:00:00Z")))
                .isEmpty();
    }
}
