package org.limber.progress.domain;

import java.time.LocalDate;

/** The sums of one member's sessions in one week (Monday to Sunday, UTC). */
public record WeekStats(
        LocalDate weekStart,
        int sessions,
        int sumPainBefore,
        int sumPainDuring,
        int sumPainAfter,
        int maxPainDuring,
        int tooHard,
        int tooEasy) {}
