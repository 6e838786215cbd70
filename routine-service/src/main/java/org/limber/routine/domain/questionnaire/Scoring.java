package org.limber.routine.domain.questionnaire;

import java.util.List;
import java.util.Map;

/**
 * The scoring rules of the shipped questionnaires, from their published manuals (the same rules are written in
 * each Questionnaire's description).
 *
 * <ul>
 *   <li><b>PEG</b>: the score (LOINC 91147-9) is the mean of its three items, each 0-10.
 *   <li><b>STarT Back</b>: each of the nine items scores 0 or 1 (items 1-8 agree = 1; item 9 "very much" or
 *       "extremely" = 1); the total is 0-9. A total of 0-3 is low risk; otherwise the psychosocial subscale (items
 *       5-9, 0-5) decides: 4 or more is high risk, else medium.
 * </ul>
 */
public final class Scoring {

    public static final String PEG = "PEG";
    public static final String STARTBACK = "STARTBACK";

    /** PEG's three items, by linkId (their LOINC codes): average pain, enjoyment of life, general activity. */
    public static final List<String> PEG_ITEMS = List.of("75893-8", "91145-3", "91146-1");

    /** STarT Back's nine items, by linkId. */
    public static final List<String> STARTBACK_ITEMS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** STarT Back's psychosocial subscale: items 5 to 9 (fear, worry, catastrophising, low mood, bothersomeness). */
    public static final List<String> STARTBACK_PSYCHOSOCIAL = List.of("5", "6", "7", "8", "9");

    /** A total at or below this is low risk. */
    static final int LOW_RISK_TOTAL_AT_MOST = 3;

    /** Above {@link #LOW_RISK_TOTAL_AT_MOST}, a psychosocial subscale at or above this is high risk. */
    static final int HIGH_RISK_SUBSCALE_AT_LEAST = 4;

    /** STarT Back's risk groups. */
    public enum RiskGroup {
        LOW,
        MEDIUM,
        HIGH
    }

    /** A score: the total, and for STarT Back its subscale and risk group (null for PEG). */
    public record Score(double score, Integer subscale, RiskGroup riskGroup) {}

    private Scoring() {}

    /** Scores a questionnaire's scored answers (linkId to item score); unknown codes are refused. */
    public static Score score(String code, Map<String, Integer> values) {
        return switch (code) {
            case PEG -> peg(values);
            case STARTBACK -> startBack(values);
            default -> throw new IllegalArgumentException("No scoring rule for " + code);
        };
    }

    /** PEG: the mean of the three items, each 0-10 (every one must be there). */
    public static Score peg(Map<String, Integer> values) {
        int sum = 0;
        for (String linkId : PEG_ITEMS) {
            sum += within(values, linkId, 0, 10);
        }
        return new Score(sum / (double) PEG_ITEMS.size(), null, null);
    }

    /** STarT Back: the total of the nine item scores, the psychosocial subscale and the risk group. */
    public static Score startBack(Map<String, Integer> values) {
        int total = 0;
        for (String linkId : STARTBACK_ITEMS) {
            total += within(values, linkId, 0, 1);
        }
        int subscale = 0;
        for (String linkId : STARTBACK_PSYCHOSOCIAL) {
            subscale += values.get(linkId);
        }
        return new Score(total, subscale, riskGroup(total, subscale));
    }

    /** The risk group of a STarT Back total (0-9) and psychosocial subscale (0-5). */
    public static RiskGroup riskGroup(int total, int subscale) {
        if (total <= LOW_RISK_TOTAL_AT_MOST) {
            return RiskGroup.LOW;
        }
        return subscale >= HIGH_RISK_SUBSCALE_AT_LEAST ? RiskGroup.HIGH : RiskGroup.MEDIUM;
    }

    private static int within(Map<String, Integer> values, String linkId, int min, int max) {
        Integer value = values.get(linkId);
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException(linkId + " must be " + min + " to " + max + ", was " + value);
        }
        return value;
    }
}
