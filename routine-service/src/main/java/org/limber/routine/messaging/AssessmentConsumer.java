package org.limber.routine.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.limber.common.messaging.Headers;
import org.limber.events.member.ProgressAssessed;
import org.limber.routine.service.AdaptationService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Adapts plans to progress-service's assessments (topic progress.assessments). A record that
 * cannot be understood goes to the dead-letter topic with the reason in its headers, and
 * consumption carries on; the offset is committed only after the database transaction.
 */
@ApplicationScoped
public class AssessmentConsumer {

    public static final String CHANNEL = "progress-assessments";

    private final AdaptationService adaptation;
    private final ObjectReader reader;

    public AssessmentConsumer(AdaptationService adaptation, ObjectMapper mapper) {
        this.adaptation = adaptation;
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readerFor(ProgressAssessed.class);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        adaptation.apply(parse(Headers.text(record, Headers.CE_TYPE), record.value()));
    }

    private ProgressAssessed parse(String type, String json) {
        if (!ProgressAssessed.TYPE.equals(type)) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        ProgressAssessed assessment;
        try {
            assessment = reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed ProgressAssessed: " + e.getOriginalMessage());
        }
        if (assessment.schemaVersion() != ProgressAssessed.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schema version " + assessment.schemaVersion());
        }
        if (assessment.memberId() == null || assessment.assessmentId() == null || assessment.weekStart() == null
                || assessment.trigger() == null || assessment.painTrend() == null) {
            throw new IllegalArgumentException("incomplete ProgressAssessed");
        }
        return assessment;
    }
}
