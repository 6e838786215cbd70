package org.limber.progress.domain;

import java.time.LocalDate;

/** From {@code effectiveFrom} on, the plan prescribed {@code sessionsPerWeek}. */
public record Prescription(int planVersion, LocalDate effectiveFrom, int sessionsPerWeek) {}
