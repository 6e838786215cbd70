package org.limber.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.outbox.Outbox;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.ProgressTopics;

/** Writes ProgressAssessed events into the outbox, in the transaction that stored the assessment. */
@ApplicationScoped
public class AssessmentEvents {

    private final Outbox outbox;

    public AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void assessed(ProgressAssessed assessment) {
        outbox.add(ProgressTopics.ASSESSMENTS, assessment.memberId(), ProgressAssessed.TYPE, assessment.eventId(),
                assessment.occurredAt(), assessment);
    }
}
