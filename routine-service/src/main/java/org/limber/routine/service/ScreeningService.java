package org.limber.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.domain.ScreeningRecord;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Screening;
import org.limber.routine.domain.intake.ScreeningDue;
import org.limber.routine.repository.PlanRepository;
import org.limber.routine.repository.ScreeningRepository;

/**
 * The red-flag questions asked again after the intake (every 4 weeks, and at the start of every
 * flare: {@link ScreeningDue}), with the same handling as at intake: any yes is kept as a symptom
 * report (stored, published, alerted), a referral flag suspends the plan in force, and the answer
 * carries the safety message. The client's screening id makes it idempotent.
 */
@ApplicationScoped
public class ScreeningService {

    /** The answers: one per red-flag question, every one explicit. */
    public record NewScreening(UUID screeningId, Map<RedFlag, Boolean> answers) {}

    /** The stored screening; the symptom report its yes answers made (null when all were no); replay on a retry. */
    public record ScreeningAndReport(ScreeningRecord screening, SymptomService.Reported symptoms, boolean replay) {}

    private static final String NOTE = "Answered yes at a red-flag screening";

    private final ScreeningRepository screenings;
    private final PlanRepository plans;
    private final SymptomService symptoms;
    private final RequestHash hashes;
    private final Clock clock;

    public ScreeningService(
            ScreeningRepository screenings,
            PlanRepository plans,
            SymptomService symptoms,
            RequestHash hashes,
            Clock clock) {
        this.screenings = screenings;
        this.plans = plans;
        this.symptoms = symptoms;
        this.hashes = hashes;
        this.clock = clock;
    }

    @Transactional
    public ScreeningAndReport take(String memberId, NewScreening request) {
        String hash = hashes.of(request);
        plans.lockMember(memberId);
        var existing = screenings.find(memberId, request.screeningId());
        if (existing.isPresent()) {
            if (!existing.get().requestHash.equals(hash)) {
                throw ProblemException.conflict("The screening " + request.screeningId()
                        + " was sent already with other answers; a new screening needs a new id.");
            }
            SymptomService.Reported report = existing.get().answeredYes.isEmpty()
                    ? null
                    : symptoms.report(memberId, newReport(request.screeningId(), existing.get().answeredYes));
            return new ScreeningAndReport(existing.get(), report, true);
        }
        // Handled as at intake (Screening's rules: a past cancer refers only with a new episode, else asks for a
        // review); context answers alone are not signs. Pain is not asked again, so the fragility-fracture rule,
        // which needs it, is left to the intake and to pain reported with sessions.
        List<String> yes = Stream.concat(
                        Screening.redFlags(request.answers(), Set.of(), null).stream(),
                        Screening.reviewFlags(request.answers()).stream())
                .distinct()
                .map(Enum::name)
                .toList();
        SymptomService.Reported report =
                yes.isEmpty() ? null : symptoms.report(memberId, newReport(request.screeningId(), yes));
        ScreeningRecord screening = new ScreeningRecord();
        screening.memberId = memberId;
        screening.screeningId = request.screeningId();
        screening.takenAt = Timestamps.now(clock);
        screening.answeredYes = yes;
        screening.requestHash = hash;
        screening.planSuspended = report != null && report.report().planSuspended;
        screenings.persist(screening);
        return new ScreeningAndReport(screening, report, false);
    }

    private static SymptomService.NewReport newReport(UUID id, List<String> yes) {
        return new SymptomService.NewReport(
                id, yes.stream().map(RedFlag::valueOf).toList(), NOTE, null);
    }

    /** Whether the member should answer the red-flag questions again on {@code today} (empty before any intake). */
    @Transactional
    public Optional<ScreeningDue.Due> due(String memberId, LocalDate today) {
        Optional<LocalDate> last = screenings.lastScreened(memberId).map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        LocalDate flareSince = plans.current(memberId)
                .filter(p -> p.flare)
                .flatMap(p -> screenings.flareSince(memberId))
                .map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC))
                .orElse(null);
        return ScreeningDue.on(last.get(), flareSince, today);
    }

    /** The day the next screening falls due, with none due now. */
    @Transactional
    public Optional<LocalDate> next(String memberId) {
        return screenings.lastScreened(memberId).map(t -> ScreeningDue.next(LocalDate.ofInstant(t, ZoneOffset.UTC)));
    }
}
