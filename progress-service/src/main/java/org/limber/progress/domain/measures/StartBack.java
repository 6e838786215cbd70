package org.limber.progress.domain.measures;

import java.util.List;

/**
 * The STarT Back Screening Tool's risk group (Keele University): nine items scored 0 or 1; a total of 0-3 is LOW;
 * otherwise the psychosocial subscale (items 5-9) decides: 4 or 5 is HIGH, else MEDIUM.
 * <p>
 * routine-service scores the answers and sends the group; progress scores them again from the answers and keeps
 * the higher of the two groups should they ever differ (conservative: a HIGH group asks for a clinician's
 * contact, and a disagreement must never hide it).
 */
public final class StartBack {

    public static final int ITEMS = 9;
    /** Items 5 to 9 (1-based) form the psychosocial subscale. */
    public static final int FIRST_PSYCHOSOCIAL = 5;

    public static final String LOW = "LOW";
    public static final String MEDIUM = "MEDIUM";
    public static final String HIGH = "HIGH";

    private static final List<String> ORDER = List.of(LOW, MEDIUM, HIGH);

    private StartBack() {}

    public static String riskGroup(int total, int subscale) {
        if (total <= 3) {
            return LOW;
        }
        return subscale >= 4 ? HIGH : MEDIUM;
    }

    /**
     * The group from item values in item order (item 1 first), or null unless all nine are given, each 0 or 1.
     */
    public static String fromItems(List<Integer> values) {
        if (values == null || values.size() != ITEMS || values.stream().anyMatch(v -> v == null || v < 0 || v > 1)) {
            return null;
        }
        int total = values.stream().mapToInt(Integer::intValue).sum();
        int subscale = values.subList(FIRST_PSYCHOSOCIAL - 1, ITEMS).stream()
                .mapToInt(Integer::intValue)
                .sum();
        return riskGroup(total, subscale);
    }

    /** The higher of two groups (null counts as lowest); null when both are null. */
    public static String higher(String a, String b) {
        if (a == null || !ORDER.contains(a)) {
            return b != null && ORDER.contains(b) ? b : null;
        }
        if (b == null || !ORDER.contains(b)) {
            return a;
        }
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }
}
