package org.limber.engagement.domain;

import java.util.List;
import java.util.Locale;

/**
 * Words in a member's message that may be a red flag (cauda equina signs and other serious causes of back
 * pain). Messages are not read at once, so such a message answers with a pointer to the symptom report and
 * flags the thread. The list is broad on purpose: a needless pointer costs a glance, a missed one may cost
 * a delay in care.
 */
public final class RedFlagWords {

    static final List<String> WORDS = List.of(
            "bladder",
            "bowel",
            "saddle",
            "groin",
            "both legs",
            "incontinen",
            "wet myself",
            "can't pee",
            "cannot pee",
            "can't urinate",
            "cannot urinate",
            "numb between",
            "cauda equina",
            "fever",
            "weight loss",
            "getting weaker",
            "foot drop");

    public static final String POINTER_TEXT =
            "If you have new or worse symptoms such as numbness around the groin, trouble with your bladder or"
                    + " bowel, or weakness in both legs, report a symptom now or call emergency services.";
    public static final String POINTER_HREF = "/symptoms";
    public static final String NOTICE =
            "Messages are not read at once. For new or worse symptoms use Report a symptom.";

    private RedFlagWords() {}

    public static boolean matches(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return WORDS.stream().anyMatch(lower::contains);
    }
}
