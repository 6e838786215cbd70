package org.limber.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberScriptTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final Instant LATE = Instant.parse("2030-01-01T00:00:00Z");

    private static List<MemberScript.Report> twelveWeeks(MemberScript script) {
        List<MemberScript.Report> reports = new ArrayList<>();
        for (int day = 0; day < 84; day++) {
            MemberScript.Report report = script.sessionOn(START.plusDays(day), START, LATE);
            if (report != null) {
                reports.add(report);
            }
        }
        return reports;
    }

    @Test
    void theSameSeedPlaysTheSameStory() {
        List<MemberScript.Report> first = twelveWeeks(new MemberScript(Persona.FLARE, 7, START, true));
        List<MemberScript.Report> second = twelveWeeks(new MemberScript(Persona.FLARE, 7, START, true));
        assertThat(first).isEqualTo(second).isNotEmpty();
    }

    @Test
    void improversReportLessPainAtTheEndAndDoMostSessions() {
        for (long seed = 0; seed < 20; seed++) {
            MemberScript script = new MemberScript(Persona.IMPROVER, seed, START, false);
            List<MemberScript.Report> reports = twelveWeeks(script);
            double lastWeeks = reports.stream()
                    .filter(r -> r.performedAt()
                            .isAfter(START.plusWeeks(10).atStartOfDay().toInstant(ZoneOffset.UTC)))
                    .mapToInt(MemberScript.Report::painBefore)
                    .average()
                    .orElseThrow();
            assertThat(lastWeeks).as("seed %d", seed).isLessThan(script.baseline() * 0.7);
            int prescribed = ((Number) script.intake(LATE).get("sessionsPerWeek")).intValue() * 12;
            assertThat(reports.size()).isGreaterThan(prescribed * 3 / 4);
        }
    }

    @Test
    void driftersStopAfterAFewWeeks() {
        for (long seed = 0; seed < 20; seed++) {
            List<MemberScript.Report> reports = twelveWeeks(new MemberScript(Persona.DRIFTER, seed, START, false));
            assertThat(reports)
                    .as("seed %d", seed)
                    .noneMatch(r -> r.performedAt()
                            .isAfter(START.plusWeeks(9).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
    }

    @Test
    void aFlareMeansHighPainAndARetakenIntake() {
        MemberScript script = new MemberScript(Persona.FLARE, 3, START, true);
        List<MemberScript.Report> reports = twelveWeeks(script);
        assertThat(reports).anyMatch(r -> r.painBefore() >= 7);
        assertThat(reports).filteredOn(r -> !r.redFlagSymptoms().isEmpty()).hasSize(1);
        long retakes = START.datesUntil(START.plusWeeks(12))
                .filter(script::retakesIntakeOn)
                .count();
        assertThat(retakes).isEqualTo(1);
    }

    @Test
    void onlyTheRedFlagMemberAnswersARedFlagAndNoSessionIsInTheFuture() {
        @SuppressWarnings("unchecked")
        Map<String, Boolean> flags = (Map<String, Boolean>)
                new MemberScript(Persona.RED_FLAG, 1, START, false).intake(LATE).get("redFlags");
        assertThat(flags).containsValue(true);
        @SuppressWarnings("unchecked")
        Map<String, Boolean> none = (Map<String, Boolean>)
                new MemberScript(Persona.IMPROVER, 1, START, false).intake(LATE).get("redFlags");
        assertThat(none).doesNotContainValue(true).hasSize(22); // every screening question of the intake, answered "no"

        Instant now = START.plusDays(20).atTime(9, 0).toInstant(ZoneOffset.UTC);
        MemberScript script = new MemberScript(Persona.IMPROVER, 5, START, false);
        for (int day = 0; day <= 20; day++) {
            MemberScript.Report report = script.sessionOn(START.plusDays(day), START, now);
            if (report != null) {
                assertThat(report.performedAt()).isBefore(now);
            }
        }
    }
}
