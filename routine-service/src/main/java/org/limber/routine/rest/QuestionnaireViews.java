package org.limber.routine.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.limber.routine.domain.QuestionnaireResponseRecord;
import org.limber.routine.domain.questionnaire.QuestionnairePlan;
import org.limber.routine.service.QuestionnaireService;

/** The member's questionnaires as the API shows them. */
final class QuestionnaireViews {

    private QuestionnaireViews() {}

    /** What is due and what was answered; programStart null before any plan (nothing is due then). */
    public record QuestionnairesView(LocalDate programStart, List<DueQuestionnaire> due, List<AnsweredView> answered) {

        static QuestionnairesView of(QuestionnaireService.Overview o, QuestionnaireService service) {
            return new QuestionnairesView(
                    o.programStart(),
                    o.due().stream().map(d -> DueQuestionnaire.of(d, service)).toList(),
                    o.answered().stream().map(AnsweredView::of).toList());
        }
    }

    /**
     * A questionnaire due: its code and timepoint, the day it fell due, the Questionnaire's canonical
     * ({@code url|version}), where to read it and where to post the answer.
     */
    public record DueQuestionnaire(
            String questionnaire,
            String timepoint,
            LocalDate dueSince,
            String canonical,
            String title,
            String resource,
            String action) {

        static DueQuestionnaire of(QuestionnairePlan.Due d, QuestionnaireService service) {
            var shipped = service.questionnaire(d.questionnaire());
            return new DueQuestionnaire(
                    d.questionnaire(),
                    d.timepoint().name(),
                    d.since(),
                    shipped.instrument().canonical(),
                    shipped.resource().path("title").asText(),
                    "/questionnaires/" + d.questionnaire(),
                    "POST /members/me/questionnaires/" + d.questionnaire() + "/responses");
        }
    }

    /** An answer as stored and scored: the item scores, the score, STarT Back's subscale and risk group. */
    public record AnsweredView(
            UUID responseId,
            String questionnaire,
            String canonical,
            String timepoint,
            Instant authoredAt,
            double score,
            Integer subscale,
            String riskGroup,
            List<QuestionnaireResponseRecord.Answer> answers) {

        static AnsweredView of(QuestionnaireResponseRecord r) {
            return new AnsweredView(
                    r.responseId,
                    r.questionnaire,
                    r.canonical,
                    r.timepoint,
                    r.authoredAt,
                    r.score,
                    r.subscale,
                    r.riskGroup,
                    r.answers);
        }
    }

    /**
     * The member's stratified-care pathway (from STarT Back): the risk group, the plan's flag ({@code pathway}),
     * the note for the member, the week of the first follow-up review (null: none) and the clinical reason.
     */
    public record PathwayView(String riskGroup, String pathway, String note, Integer firstReviewWeek, String reason) {

        static PathwayView of(QuestionnaireService.Pathway p) {
            return p == null
                    ? null
                    : new PathwayView(
                            p.riskGroup().name(),
                            p.pathway().pathway(),
                            p.pathway().note(),
                            p.pathway().firstReviewWeek(),
                            p.pathway().reason());
        }
    }
}
