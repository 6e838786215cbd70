package org.limber.routine.messaging.inbound;

import java.util.List;
import java.util.function.UnaryOperator;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventBounds;
import org.limber.common.messaging.EventIntake;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.service.AdaptationService;

/**
 * Adapts plans to progress-service's assessments (topic progress.assessments), through the shared
 * {@link EventIntake}: a record that can never be applied goes to the dead-letter topic with the
 * reason in its headers and consumption carries on; a passing fault of the database is retried with
 * back-off (the record waits, it is never dropped). The offset is committed only after the
 * database transaction. Each assessment is also what notices a wait for a surgical clearance running
 * past its limit: progress-service assesses every active member's week at least weekly, so no scheduler
 * of routine-service's own is needed (see {@link AdaptationService}).
 */
@ApplicationScoped
public class AssessmentConsumer {

    public static final String CHANNEL = "progress-assessments";

    static final EventIntake.EventType<ProgressAssessed> KIND = new EventIntake.EventType<>(
            ProgressAssessed.TYPE,
            ProgressAssessed.class,
            ProgressAssessed.SCHEMA_VERSION,
            ProgressAssessed::schemaVersion,
            AssessmentConsumer::withinBounds,
            EventBounds.KEY + "; assessmentId, weekStart, trigger and painTrend (codes) required; planVersion 1 or"
                    + " more; pains 0..10; adherencePercent 0..100; counts 0 or more; safetySignals and"
                    + " redFlagSymptoms " + EventBounds.CODES + "; at most " + EventBounds.MAX_EXERCISES
                    + " skipped exercises; " + EventBounds.TIME,
            UnaryOperator.identity());

    private final AdaptationService adaptation;
    private final EventIntake intake;

    public AssessmentConsumer(AdaptationService adaptation, EventIntake intake) {
        this.adaptation = adaptation;
        this.intake = intake;
    }

    /**
     * Every field the adaptation reads, within what progress-service can send: an assessment outside
     * them (a year no date arithmetic takes, a list without end, a pain of 99) is a dead letter, never an
     * adaptation decided from it.
     */
    static boolean withinBounds(ProgressAssessed a) {
        return EventBounds.key(a.memberId())
                && a.assessmentId() != null
                && EventBounds.time(a.occurredAt())
                && EventBounds.time(a.weekStart())
                && a.planVersion() >= 1
                && EventBounds.code(a.trigger())
                && EventBounds.code(a.painTrend())
                && (a.safetySignals() == null || EventBounds.codes(a.safetySignals(), false))
                && (a.redFlagSymptoms() == null || EventBounds.codes(a.redFlagSymptoms(), false))
                && (a.skipped() == null
                        || (EventBounds.list(a.skipped(), EventBounds.MAX_EXERCISES)
                                && a.skipped().stream().allMatch(k -> k.times() >= 0)))
                && pain(a.baselinePain())
                && (a.meanPain() == null || (a.meanPain() >= 0 && a.meanPain() <= 10))
                && (a.latestPain() == null || pain(a.latestPain()))
                && (a.worstPainDuring() == null || pain(a.worstPainDuring()))
                && a.adherencePercent() >= 0
                && a.adherencePercent() <= 100
                && a.sessionsDone() >= 0
                && a.sessionsPrescribed() >= 0
                && (a.effort() == null
                        || (a.effort().tooEasy() >= 0
                                && a.effort().justRight() >= 0
                                && a.effort().tooHard() >= 0));
    }

    private static boolean pain(int value) {
        return value >= 0 && value <= 10;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        intake.take(
                record,
                List.of(KIND),
                event -> adaptation.apply((ProgressAssessed) event),
                "an assessment of member " + record.key());
    }
}
