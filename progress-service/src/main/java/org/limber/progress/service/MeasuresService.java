package org.limber.progress.service;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.common.problem.ProblemException;
import org.limber.progress.domain.measures.PegTrend;
import org.limber.progress.repository.ProgressReader;
import org.limber.progress.repository.QuestionnaireStore;
import org.limber.progress.repository.QuestionnaireStore.Response;

/** A member's validated measures: the PEG trend and the STarT Back risk group. */
@ApplicationScoped
public class MeasuresService {

    /** Responses read for one member (a program asks 5 or so; far more than any member gives). */
    public static final int MAX_RESPONSES = 500;

    /** The newest STarT Back response (null without one) and the PEG trend. */
    public record Measures(String memberId, Response startBack, PegTrend.Summary peg) {}

    private final QuestionnaireStore store;
    private final ProgressReader reader;

    public MeasuresService(QuestionnaireStore store, ProgressReader reader) {
        this.store = store;
        this.reader = reader;
    }

    public Measures measures(String memberId) {
        return of(memberId, store.responses(memberId, MAX_RESPONSES));
    }

    /** For a clinician: only a member on their panel (403 otherwise, whether or not the member exists). */
    public Measures measuresForClinician(String clinicianId, String memberId) {
        reader.profile(memberId)
                .filter(p -> clinicianId.equals(p.clinicianId()))
                .orElseThrow(() -> ProblemException.forbidden("The member is not on your panel."));
        return measures(memberId);
    }

    static Measures of(String memberId, List<Response> responses) {
        Response startBack = null;
        for (Response r : responses) {
            if ("STARTBACK".equals(r.questionnaire())) {
                startBack = r; // oldest first: the last one is the newest
            }
        }
        List<PegTrend.Point> peg = responses.stream()
                .filter(r -> "PEG".equals(r.questionnaire()))
                .map(r -> new PegTrend.Point(r.authoredAt(), r.timepoint(), r.score()))
                .toList();
        return new Measures(memberId, startBack, PegTrend.of(peg));
    }
}
