package org.limber.routine.domain.intake;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.limber.events.catalog.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The screening questions as a table: what a yes to each leads to; an unanswered one is refused. */
class ScreeningTest {

    static Intake intake(Map<RedFlag, Boolean> answers) {
        return new Intake(
                Set.of(Condition.NON_SPECIFIC_LOW_BACK_PAIN),
                3,
                3,
                PainDuration.OVER_12_WEEKS,
                null,
                answers,
                Set.of(Goal.REDUCE_PAIN),
                Set.of(),
                Set.of(),
                15,
                3,
                Level.BEGINNER);
    }

    static Map<RedFlag, Boolean> allNo() {
        Map<RedFlag, Boolean> answers = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            if (flag.asked()) {
                answers.put(flag, false);
            }
        }
        return answers;
    }

    @Test
    void aPastCancerRefersWithANewEpisodeAndOtherwiseAsksForAReview() {
        Map<RedFlag, Boolean> answers = allNo();
        answers.put(RedFlag.CANCER_HISTORY, true);
        assertThat(Screening.redFlags(intake(answers))).isEmpty();
        assertThat(Screening.reviewFlags(intake(answers))).containsExactly(RedFlag.CANCER_HISTORY);
        answers.put(RedFlag.NEW_EPISODE, true);
        assertThat(Screening.redFlags(intake(answers))).containsExactly(RedFlag.CANCER_HISTORY);
        assertThat(Screening.reviewFlags(intake(answers))).isEmpty();
    }

    @Test
    void suddenSeverePainWithWeakBonesIsAPossibleFractureWithoutAFall() {
        Map<RedFlag, Boolean> answers = allNo();
        answers.put(RedFlag.BONE_FRAGILITY, true);
        answers.put(RedFlag.SUDDEN_ONSET, true);
        assertThat(Screening.redFlags(answers, Set.of(), 7)).containsExactly(RedFlag.POSSIBLE_FRAGILITY_FRACTURE);
        assertThat(Screening.redFlags(answers, Set.of(), 6)).isEmpty();
        answers.put(RedFlag.SUDDEN_ONSET, false);
        assertThat(Screening.redFlags(answers, Set.of(), 9)).isEmpty();
        // Osteoporosis as a condition counts as weak bones.
        answers.put(RedFlag.BONE_FRAGILITY, false);
        answers.put(RedFlag.SUDDEN_ONSET, true);
        assertThat(Screening.redFlags(answers, Set.of(Condition.OSTEOPOROSIS), 8))
                .containsExactly(RedFlag.POSSIBLE_FRAGILITY_FRACTURE);
        assertThat(Screening.redFlags(answers, Set.of(), 8)).isEmpty();
        // Not asked: never needs an answer.
        assertThat(Screening.unanswered(answers)).isEmpty();
        assertThat(RedFlag.POSSIBLE_FRAGILITY_FRACTURE.asked()).isFalse();
    }

    @ParameterizedTest(name = "{0} yes: {1}")
    @CsvSource({
        "BLADDER_OR_BOWEL_CONTROL, REFERRAL",
        "SADDLE_NUMBNESS, REFERRAL",
        "WORSENING_LEG_WEAKNESS, REFERRAL",
        "RECENT_TRAUMA, REFERRAL",
        "FEVER_OR_WEIGHT_LOSS, REFERRAL",
        "INFECTION_RISK, REFERRAL",
        "CONSTANT_NIGHT_PAIN, REFERRAL",
        "URINARY_DIFFICULTY, REFERRAL",
        "BOTH_LEGS_NUMB_OR_WEAK, REFERRAL",
        "SEXUAL_DYSFUNCTION, REFERRAL",
        "FOOT_DROP, REFERRAL",
        "MINOR_FALL_WITH_BONE_RISK, REFERRAL",
        "NEW_PAIN_OVER_50, REFERRAL",
        "PAIN_NOT_EASED_BY_REST, REFERRAL",
        "RECENT_INFECTION, REFERRAL",
        "RECENT_SPINAL_PROCEDURE, REFERRAL",
        "FEELING_UNWELL, REFERRAL",
        "INFLAMMATORY_BACK_PAIN, REVIEW",
        "NEW_EPISODE, CONTEXT",
        "BONE_FRAGILITY, CONTEXT",
        "SUDDEN_ONSET, CONTEXT"
    })
    void aYesLeadsTo(RedFlag flag, RedFlag.Consequence kind) {
        Map<RedFlag, Boolean> answers = allNo();
        answers.put(flag, true);
        assertThat(flag.consequence).isEqualTo(kind);
        assertThat(Screening.redFlags(intake(answers)))
                .isEqualTo(kind == RedFlag.Consequence.REFERRAL ? java.util.List.of(flag) : java.util.List.of());
        assertThat(Screening.reviewFlags(intake(answers)))
                .isEqualTo(kind == RedFlag.Consequence.REVIEW ? java.util.List.of(flag) : java.util.List.of());
        assertThat(flag.question).endsWith("?");
        assertThat(flag.referralReason).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = RedFlag.class, names = "POSSIBLE_FRAGILITY_FRACTURE", mode = EnumSource.Mode.EXCLUDE)
    void anUnansweredQuestionIsRefusedNeverTakenForANo(RedFlag flag) {
        Map<RedFlag, Boolean> answers = allNo();
        answers.remove(flag);
        assertThat(Screening.unanswered(intake(answers))).containsExactly(flag);
        assertThatThrownBy(() -> Screening.redFlags(intake(answers)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(flag.name());
        answers.put(flag, null);
        assertThatThrownBy(() -> Screening.reviewFlags(intake(answers))).isInstanceOf(IllegalArgumentException.class);
    }
}
