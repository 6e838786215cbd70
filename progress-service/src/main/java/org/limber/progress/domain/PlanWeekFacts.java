package org.limber.progress.domain;

import java.time.LocalDate;
import java.util.List;

import org.limber.events.member.ProgressAssessed;

/**
 * What a member's sessions of one plan week add up to (sessions of that plan version only), and
 * the mean pain of the seven days before, as read from the database.
 *
 * @param meanPain          mean pain before the week's sessions, null without sessions
 * @param previousMeanPain  mean pain before sessions in the seven days before the week, null without any
 */
public record PlanWeekFacts(
        String memberId,
        int planVersion,
        LocalDate weekStart,
        int sessionsPerWeek,
        int baselinePain,
        int sessions,
        int sumPainBefore,
        Double meanPain,
        Double previousMeanPain,
        Integer latestPain,
        Integer worstPainDuring,
        ProgressAssessed.Effort effort,
        List<ProgressAssessed.Skip> skipped,
        List<String> redFlagSymptoms) {}
