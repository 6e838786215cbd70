package org.limber.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.time.Timestamps;
import org.limber.events.member.QuestionnaireCompleted;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.measures.StartBack;
import org.limber.progress.domain.measures.WorkingDays;
import org.limber.progress.repository.QuestionnaireStore;

/**
 * Takes questionnaire responses in, in the batch's transaction: each stored once (by response id); a new STarT Back
 * response in the HIGH risk group calls for a {@link AlertKind#PSYCHOSOCIAL_RISK} alert asking for a clinician's
 * contact within {@value #CONTACT_WORKING_DAYS} working days (NICE NG59: a psychologically informed pathway for
 * those at high risk). Unknown questionnaire codes are ignored.
 */
@ApplicationScoped
public class QuestionnaireIntake {

    public static final Set<String> KNOWN = Set.of("PEG", "STARTBACK");
    public static final int CONTACT_WORKING_DAYS = 2;

    private final QuestionnaireStore store;
    private final Clock clock;

    public QuestionnaireIntake(QuestionnaireStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores the responses new to it; returns the alerts they call for. */
    public List<NewAlert> apply(List<QuestionnaireCompleted> responses) {
        if (responses.isEmpty()) {
            return List.of();
        }
        Instant now = Timestamps.now(clock);
        List<NewAlert> due = new ArrayList<>();
        for (QuestionnaireCompleted e : responses) {
            if (!KNOWN.contains(e.questionnaire())) {
                continue;
            }
            String risk = "STARTBACK".equals(e.questionnaire()) ? riskGroup(e) : null;
            if (store.store(e, risk, now) && StartBack.HIGH.equals(risk)) {
                due.add(new NewAlert(
                        e.memberId(),
                        AlertKind.PSYCHOSOCIAL_RISK,
                        "questionnaire:" + e.responseId(),
                        List.of(
                                "STARTBACK_HIGH: total " + Math.round(e.score()) + " of 9, psychosocial subscale "
                                        + e.subscale() + " of 5",
                                "CONTACT_BY: " + WorkingDays.after(now, CONTACT_WORKING_DAYS))));
            }
        }
        return due;
    }

    /** The higher of the event's group and the group scored again from its answers (items by their number). */
    static String riskGroup(QuestionnaireCompleted e) {
        List<QuestionnaireCompleted.Answer> items = e.answers().stream()
                .filter(a -> itemNumber(a.linkId()) > 0)
                .sorted(Comparator.comparingInt(a -> itemNumber(a.linkId())))
                .toList();
        boolean numbered = items.size() == StartBack.ITEMS
                && items.get(0).linkId() != null
                && itemNumber(items.get(StartBack.ITEMS - 1).linkId()) == StartBack.ITEMS;
        String rescored = numbered
                ? StartBack.fromItems(
                        items.stream().map(QuestionnaireCompleted.Answer::value).toList())
                : null;
        return StartBack.higher(e.riskGroup(), rescored);
    }

    /** The trailing number of a linkId ("5", "item-5"), or 0 without one. */
    static int itemNumber(String linkId) {
        int i = linkId.length();
        while (i > 0 && Character.isDigit(linkId.charAt(i - 1))) {
            i--;
        }
        if (i == linkId.length() || linkId.length() - i > 3) {
            return 0;
        }
        return Integer.parseInt(linkId.substring(i));
    }
}
