package org.limber.routine.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.safety.RedFlagAdvice;
import org.limber.routine.service.RuleBook;

/**
 * The screening questions with their wording and the safety advice of each, as clinicians wrote them: an app
 * asks the questions in these words (rather than a copy of its own) and keeps the advice to show at once when a
 * member reports a red flag without a network. Public: the same for everyone, no member data.
 */
@Path("/screening/questions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Screening", description = "The screening questions and the safety advice of each")
public class ScreeningResource {

    /** One question: the intake's answer field, the red-flag code, what a yes leads to, and the advice for a yes. */
    public record Question(
            String field,
            RedFlag code,
            RedFlag.Consequence kind,
            String question,
            RedFlagAdvice.Urgency urgency,
            String headline,
            String advice) {}

    private final RuleBook ruleBook;

    public ScreeningResource(RuleBook ruleBook) {
        this.ruleBook = ruleBook;
    }

    @GET
    @Operation(
            operationId = "listScreeningQuestions",
            summary = "The screening questions, each with its safety advice",
            description =
                    "Every question the intake and the repeat screening ask, in the order to ask them: field is the answer's name in redFlags; kind REFERRAL (a yes refers), REVIEW (a clinician reviews the plan) or CONTEXT (read with other answers; no advice). urgency, headline and advice: what to do at once after a yes, for the app to show without a network.")
    @APIResponse(
            responseCode = "200",
            description = "The questions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            implementation = Question.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    public List<Question> questions() {
        RedFlagAdvice advice = ruleBook.advice();
        return Arrays.stream(RedFlag.values())
                .filter(RedFlag::asked)
                .map(flag -> question(flag, advice))
                .toList();
    }

    private static Question question(RedFlag flag, RedFlagAdvice advice) {
        RedFlagAdvice.SafetyMessage message =
                flag.consequence == RedFlag.Consequence.CONTEXT ? null : advice.messageFor(List.of(flag));
        return new Question(
                field(flag),
                flag,
                flag.consequence,
                flag.question,
                message == null ? null : message.urgency(),
                message == null ? null : message.headline(),
                message == null ? null : message.symptoms().get(0).advice());
    }

    /** The answer's name in the intake's redFlags: the code in lower camel case (BLADDER_OR_BOWEL_CONTROL: bladderOrBowelControl). */
    static String field(RedFlag flag) {
        String[] words = flag.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }
}
