package org.limber.routine.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.limber.common.messaging.EventIntake;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.service.AdaptationService;

/**
 * Adapts plans to progress-service's assessments (topic progress.assessments), through the shared
 * {@link EventIntake}: a record that can never be applied goes to the dead-letter topic with the
 * reason in its headers and consumption carries on; a passing fault of the database is retried with
 * back-off (the record waits, it is never dropped). The offset is committed only after the
 * database transaction.
 */
@ApplicationScoped
public class AssessmentConsumer {

    public static final String CHANNEL = "progress-assessments";

    static final EventIntake.Kind<ProgressAssessed> KIND = new EventIntake.Kind<>(
            ProgressAssessed.TYPE,
            ProgressAssessed.class,
            ProgressAssessed.SCHEMA_VERSION,
            ProgressAssessed::schemaVersion,
            a -> a.memberId() != null
                    && a.assessmentId() != null
                    && a.weekStart() != null
                    && a.trigger() != null
                    && a.painTrend() != null);

    private final AdaptationService adaptation;
    private final EventIntake intake;

    public AssessmentConsumer(AdaptationService adaptation, EventIntake intake) {
        this.adaptation = adaptation;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        ProgressAssessed assessment = intake.parse(record, KIND);
        intake.applyWithRetry(() -> adaptation.apply(assessment), "assessment " + assessment.assessmentId());
    }
}
