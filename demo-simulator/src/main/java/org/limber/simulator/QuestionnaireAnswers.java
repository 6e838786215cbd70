package org.limber.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A played member answers the validated questionnaires as the app would (FHIR QuestionnaireResponses posted to
 * routine-service): STarT Back and PEG at the start of the program, PEG again at weeks 6 and 12 (the end of the
 * 12-week program). PEG follows the member's pain: its three items are near the expected pain of the day, so it falls
 * as pain falls. STarT Back's answers follow the persona: improvers low risk, slow responders and flares medium risk,
 * drifters high risk (psychosocial items agreed).
 */
final class QuestionnaireAnswers {

    /** The program days PEG is asked on (routine-service's rules/questionnaires.yaml). */
    static final int[] PEG_DAYS = {0, 42, 84};

    private QuestionnaireAnswers() {}

    /**
     * Answers what has fallen due by {@code day} and was not answered yet, at {@code answeredAt} if that is earlier
     * than the day's 06:00 (today's session may be logged before it, and an answer may not be authored in the future);
     * returns the number of calls made.
     */
    static int answerDue(JsonHttp http, SimulatorConfig config, Player player, LocalDate day, Instant answeredAt) {
        if (player.programStart == null) {
            return 0;
        }
        int calls = 0;
        long inProgram = day.toEpochDay() - player.programStart.toEpochDay();
        if (inProgram >= 0 && player.questionnairesDone.add("STARTBACK@0")) {
            calls += post(http, config, player, "STARTBACK", authoredBy(startBack(player, day), answeredAt));
        }
        for (int i = PEG_DAYS.length - 1; i >= 0; i--) {
            if (inProgram >= PEG_DAYS[i]) {
                if (player.questionnairesDone.add("PEG@" + PEG_DAYS[i])) {
                    calls += post(http, config, player, "PEG", authoredBy(peg(player, day), answeredAt));
                }
                break;
            }
        }
        return calls;
    }

    private static Map<String, Object> authoredBy(Map<String, Object> response, Instant answeredAt) {
        if (answeredAt.isBefore(Instant.parse((String) response.get("authored")))) {
            response.put("authored", answeredAt.toString());
        }
        return response;
    }

    private static int post(JsonHttp http, SimulatorConfig config, Player player, String code, Map<String, Object> r) {
        JsonHttp.Reply reply = http.post(
                config.routineUrl() + "/members/me/questionnaires/" + code + "/responses", player.token.get(), r);
        // 409: not due (a member whose plan was held, a timepoint already answered): nothing more to do.
        if (reply.status() != 409) {
            reply.expect(code + " of " + player.username);
        }
        return 1;
    }

    static Map<String, Object> peg(Player player, LocalDate day) {
        Random random = new Random(player.index * 31L + day.toEpochDay());
        double pain = player.script.expectedPain(day);
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(integer("75893-8", pain + random.nextGaussian() * 0.7));
        items.add(integer("91145-3", pain * 0.9 + random.nextGaussian()));
        items.add(integer("91146-1", pain * 0.85 + random.nextGaussian()));
        return response(player, "PEG", day, items);
    }

    static Map<String, Object> startBack(Player player, LocalDate day) {
        // Items 1-8 agreed (1) or not, and item 9's answer, per persona.
        String[] answers = switch (player.script.persona()) {
            case SLOW_RESPONDER -> new String[] {"11101000", "moderately"}; // total 4, subscale 1: medium
            case FLARE -> new String[] {"11100110", "very-much"}; // total 6, subscale 3: medium
            case DRIFTER -> new String[] {"10011110", "very-much"}; // total 6, subscale 4 (items 5-7 and 9): high
            default -> new String[] {"10000000", "slightly"}; // total 1: low
        };
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(coded(String.valueOf(i + 1), answers[0].charAt(i) == '1' ? "agree" : "disagree"));
        }
        items.add(coded("9", answers[1]));
        return response(player, "STARTBACK", day, items);
    }

    private static Map<String, Object> integer(String linkId, double value) {
        int v = (int) Math.max(0, Math.min(10, Math.round(value)));
        return Map.of("linkId", linkId, "answer", List.of(Map.of("valueInteger", v)));
    }

    private static Map<String, Object> coded(String linkId, String code) {
        return Map.of("linkId", linkId, "answer", List.of(Map.of("valueCoding", Map.of("code", code))));
    }

    private static Map<String, Object> response(
            Player player, String code, LocalDate day, List<Map<String, Object>> items) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "QuestionnaireResponse");
        // One id per member, questionnaire and day (the idempotency key: response ids are unique across members).
        String key = player.username + "|" + code + "|" + day;
        r.put(
                "id",
                UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        r.put("status", "completed");
        r.put("authored", MemberActions.at(day, 6).toString());
        r.put("item", items);
        return r;
    }
}
