package org.limber.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.time.Timestamps;
import org.limber.progress.domain.ProgressMath;
import org.limber.progress.repository.PanelQueries;
import org.limber.progress.repository.PanelQueries.DayCounts;
import org.limber.progress.repository.PanelQueries.Waiting;
import org.limber.progress.repository.PanelQueries.WorstPain;
import org.limber.progress.repository.ProgressReader.PanelRow;

/**
 * A clinician's day, for the console's "Today" page, and the panel rows of a page of members found
 * elsewhere: a few statements per request, none per member. Days and weeks are in UTC (weeks from
 * Monday), as every date of the services.
 */
@ApplicationScoped
public class TodayService {

    /** Members awaiting a review listed on the day (the count covers them all). */
    static final int WAITING_LISTED = 20;

    /** The day: its date, the week's first day, the counts, the worst pain and who waits for a review. */
    public record Day(
            LocalDate date, LocalDate weekStart, DayCounts counts, WorstPain worstPain, List<Waiting> waiting) {}

    private final PanelQueries queries;
    private final Clock clock;

    public TodayService(PanelQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public Day today(String clinicianId) {
        LocalDate today = Timestamps.today(clock);
        LocalDate weekStart = ProgressMath.weekOf(today);
        Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayEnd = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Day(
                today,
                weekStart,
                queries.day(clinicianId, dayStart, weekStart.atStartOfDay().toInstant(ZoneOffset.UTC)),
                queries.worstPain(clinicianId, dayStart, dayEnd),
                queries.waiting(clinicianId, WAITING_LISTED));
    }

    /** The rows of those of {@code memberIds} on the clinician's panel. */
    public List<PanelRow> rows(String clinicianId, Collection<String> memberIds) {
        return queries.rows(clinicianId, memberIds);
    }
}
