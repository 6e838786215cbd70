package org.limber.routine.domain.questionnaire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.limber.common.problem.Problem.FieldProblem;

/**
 * Checks a member's answers against the questionnaire they answer: every item known and answered at most once
 * with one answer, every required item answered, an integer within its range, a choice one of its options. The
 * result is each answered item's score (an integer's value; a choice's ordinalValue), in the questionnaire's order,
 * or the problems, each naming the item's {@code linkId} ({@code item[<linkId>]}).
 */
public final class ResponseCheck {

    /** One answer as given: an integer, or a coding's code (null when the answer is of neither kind). */
    public record GivenAnswer(Integer integer, String code) {}

    /** One answered item as given. */
    public record GivenItem(String linkId, List<GivenAnswer> answers) {}

    /** The scored values by linkId (questionnaire order) and the problems found. */
    public record Checked(Map<String, Integer> values, List<FieldProblem> problems) {}

    private ResponseCheck() {}

    public static String field(String linkId) {
        return "item[" + linkId + "]";
    }

    public static Checked check(Instrument instrument, List<GivenItem> given) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, GivenItem> byLinkId = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (GivenItem item : given) {
            var known = instrument.item(item.linkId());
            if (known.isEmpty() || !known.get().answered()) {
                problems.add(new FieldProblem(
                        field(item.linkId()),
                        known.isEmpty()
                                ? "linkId " + item.linkId() + " is not an item of " + instrument.code()
                                : "linkId " + item.linkId() + " is worked out by the service, not answered"));
            } else if (!seen.add(item.linkId())) {
                problems.add(new FieldProblem(field(item.linkId()), "linkId " + item.linkId() + " is answered twice"));
            } else {
                byLinkId.put(item.linkId(), item);
            }
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Instrument.Item item : instrument.items()) {
            if (!item.answered()) {
                continue;
            }
            GivenItem answer = byLinkId.get(item.linkId());
            if (answer == null || answer.answers().isEmpty()) {
                if (item.required()) {
                    problems.add(new FieldProblem(
                            field(item.linkId()), "linkId " + item.linkId() + " is required and has no answer"));
                }
                continue;
            }
            if (answer.answers().size() > 1) {
                problems.add(new FieldProblem(field(item.linkId()), "linkId " + item.linkId() + " takes one answer"));
                continue;
            }
            Integer value = value(item, answer.answers().get(0), problems);
            if (value != null) {
                values.put(item.linkId(), value);
            }
        }
        return new Checked(problems.isEmpty() ? values : Map.of(), List.copyOf(problems));
    }

    private static Integer value(Instrument.Item item, GivenAnswer answer, List<FieldProblem> problems) {
        String field = field(item.linkId());
        if (item.type() == Instrument.Type.INTEGER) {
            if (answer.integer() == null) {
                problems.add(new FieldProblem(field, "linkId " + item.linkId() + " needs a valueInteger"));
                return null;
            }
            int v = answer.integer();
            if ((item.min() != null && v < item.min()) || (item.max() != null && v > item.max())) {
                problems.add(new FieldProblem(
                        field,
                        "linkId " + item.linkId() + " must be " + item.min() + " to " + item.max() + ", was " + v));
                return null;
            }
            return v;
        }
        Integer score = answer.code() == null ? null : item.options().get(answer.code());
        if (score == null) {
            problems.add(new FieldProblem(
                    field,
                    "linkId " + item.linkId() + " needs a valueCoding with one of the codes "
                            + item.options().keySet()));
        }
        return score;
    }
}
