package org.limber.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The red-flag screening questions an intake answers, each needing an explicit answer. */
public final class ScreeningAnswers {

    /** The screening questions, by the name of their answer in an intake's {@code redFlags}. */
    static final String[] QUESTIONS = {
        "bladderOrBowelControl",
        "saddleNumbness",
        "worseningLegWeakness",
        "recentTrauma",
        "cancerHistory",
        "newEpisode",
        "boneFragility",
        "suddenOnset",
        "feverOrWeightLoss",
        "infectionRisk",
        "constantNightPain",
        "urinaryDifficulty",
        "bothLegsNumbOrWeak",
        "sexualDysfunction",
        "footDrop",
        "minorFallWithBoneRisk",
        "newPainOver50",
        "painNotEasedByRest",
        "recentInfection",
        "recentSpinalProcedure",
        "feelingUnwell",
        "inflammatoryBackPain"
    };
    /** Every screening question of the intake answered "no" (an unanswered one is refused). */
    public static Map<String, Object> allNo() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String flag : QUESTIONS) {
            answers.put(flag, false);
        }
        return answers;
    }

    private ScreeningAnswers() {}
}
