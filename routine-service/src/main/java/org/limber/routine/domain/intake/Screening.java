package org.limber.routine.domain.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screening: which answers rule out a self-guided plan, and which call for a clinician's review.
 * Every asked question needs an explicit answer: an unanswered one is refused, never taken for a
 * "no". Most flags are one question answered yes; two rules read several answers (issue 20):
 *
 * <ul>
 * <li>CANCER_HISTORY refers with NEW_EPISODE; without it, it asks for a review.</li>
 * <li>POSSIBLE_FRAGILITY_FRACTURE (not asked) refers when the bones may be weak (BONE_FRAGILITY, or
 * the condition OSTEOPOROSIS), the pain came on suddenly (SUDDEN_ONSET) and it is severe (pain now at
 * least {@value #SEVERE_PAIN}).</li>
 * </ul>
 */
public final class Screening {

    /** Pain now at or above which sudden pain with weak bones suggests a fracture. */
    public static final int SEVERE_PAIN = 7;

    private Screening() {}

    /** The red flags that refer the member, in the order they are asked. Empty means a plan may be built. */
    public static List<RedFlag> redFlags(Intake intake) {
        return redFlags(intake.redFlags(), intake.conditions(), intake.painNow());
    }

    /** The same from the answers alone; {@code painNow} null when not asked (a later screening). */
    public static List<RedFlag> redFlags(Map<RedFlag, Boolean> answers, Set<Condition> conditions, Integer painNow) {
        requireAnswered(answers);
        List<RedFlag> flags = new ArrayList<>();
        for (RedFlag flag : RedFlag.values()) {
            boolean refers = flag == RedFlag.CANCER_HISTORY
                    ? answers.get(flag) && answers.get(RedFlag.NEW_EPISODE)
                    : flag == RedFlag.POSSIBLE_FRAGILITY_FRACTURE
                            ? fragilityFracture(answers, conditions, painNow)
                            : flag.consequence == RedFlag.Consequence.REFERRAL && answers.get(flag);
            if (refers) {
                flags.add(flag);
            }
        }
        return flags;
    }

    /** The answers that call for a clinician's review beside the plan (inflammatory back pain, a past cancer). */
    public static List<RedFlag> reviewFlags(Intake intake) {
        return reviewFlags(intake.redFlags());
    }

    public static List<RedFlag> reviewFlags(Map<RedFlag, Boolean> answers) {
        requireAnswered(answers);
        return Arrays.stream(RedFlag.values())
                .filter(flag -> flag == RedFlag.CANCER_HISTORY
                        ? answers.get(flag) && !answers.get(RedFlag.NEW_EPISODE)
                        : flag.consequence == RedFlag.Consequence.REVIEW && answers.get(flag))
                .toList();
    }

    /** The asked questions without an answer, in the order they are asked. */
    public static List<RedFlag> unanswered(Intake intake) {
        return unanswered(intake.redFlags());
    }

    public static List<RedFlag> unanswered(Map<RedFlag, Boolean> answers) {
        return Arrays.stream(RedFlag.values())
                .filter(RedFlag::asked)
                .filter(flag -> answers == null || answers.get(flag) == null)
                .toList();
    }

    private static boolean fragilityFracture(
            Map<RedFlag, Boolean> answers, Set<Condition> conditions, Integer painNow) {
        boolean weakBones = answers.get(RedFlag.BONE_FRAGILITY)
                || (conditions != null && conditions.contains(Condition.OSTEOPOROSIS));
        return weakBones && answers.get(RedFlag.SUDDEN_ONSET) && painNow != null && painNow >= SEVERE_PAIN;
    }

    private static void requireAnswered(Map<RedFlag, Boolean> answers) {
        List<RedFlag> missing = unanswered(answers);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Unanswered screening questions: " + missing);
        }
    }
}
