package org.limber.progress.messaging.outbound;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.outbox.Outbox;
import org.limber.events.member.ProgressAssessed;
import org.limber.events.member.ProgressTopics;

/** Writes ProgressAssessed events into the outbox, in the transaction that stored the assessments. */
@ApplicationScoped
public class AssessmentEvents {

    private final Outbox outbox;

    public AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One ProgressAssessed per assessment, written with one statement. */
    public void assessed(List<ProgressAssessed> assessments) {
        outbox.addAll(assessments.stream()
                .map(a -> new Outbox.Entry(
                        ProgressTopics.ASSESSMENTS,
                        a.memberId(),
                        ProgressAssessed.TYPE,
                        a.eventId(),
                        a.occurredAt(),
                        a))
                .toList());
    }
}
