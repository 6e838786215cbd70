package org.limber.routine.domain.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * When the validated questionnaires are asked, and what STarT Back's risk group changes: clinicians' data,
 * {@code rules/questionnaires.yaml}, read and checked at start.
 *
 * @param programWeeks       the program's length: {@code END} falls due at its end
 * @param lastOpenForDays    how long the last timepoint of a questionnaire stays due once it is due
 * @param timepoints         each questionnaire's timepoints in order
 * @param stratifiedCare     per STarT Back risk group: the pathway, the note the plan carries, the first review
 */
public record QuestionnairePlan(
        int programWeeks, int lastOpenForDays, List<Asked> timepoints, Map<Scoring.RiskGroup, Pathway> stratifiedCare) {

    /**
     * One timepoint of one questionnaire.
     *
     * @param day the day of the program it falls due (0 = the day the first plan started); null for {@code END},
     *            which falls due at the end of the program
     */
    public record Asked(String questionnaire, Timepoint timepoint, Integer day, String reason) {}

    /**
     * What a risk group changes.
     *
     * @param pathway         the plan's flag ({@code PSYCHOLOGICALLY_INFORMED}, {@code CLOSER_FOLLOW_UP}, ...)
     * @param note            shown to the member with the plan (null: none)
     * @param firstReviewWeek the week of the program at whose weekly assessment a clinician's follow-up review is
     *                        asked for (null: none from routine-service)
     * @param reason          the clinical reason (for the care team and the file's readers)
     */
    public record Pathway(String pathway, String note, Integer firstReviewWeek, String reason) {}

    /** One questionnaire due now: its code, timepoint and the day it fell due. */
    public record Due(String questionnaire, Timepoint timepoint, LocalDate since) {}

    /** Review code: a medium-risk member's early follow-up (STarT Back, NICE NG59 stratified care). */
    public static final String FOLLOW_UP_REVIEW = "STRATIFIED_FOLLOW_UP";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public QuestionnairePlan {
        timepoints = List.copyOf(timepoints);
        stratifiedCare = Map.copyOf(new EnumMap<>(stratifiedCare));
    }

    public static QuestionnairePlan load() {
        try (InputStream in = QuestionnairePlan.class.getResourceAsStream("/rules/questionnaires.yaml")) {
            if (in == null) {
                throw new IllegalStateException("rules/questionnaires.yaml is missing");
            }
            return check(YAML.readValue(in, QuestionnairePlan.class));
        } catch (IOException e) {
            throw new UncheckedIOException("rules/questionnaires.yaml cannot be read", e);
        }
    }

    static QuestionnairePlan check(QuestionnairePlan plan) {
        if (plan.programWeeks() < 1 || plan.lastOpenForDays() < 1) {
            throw new IllegalStateException("programWeeks and lastOpenForDays must be 1 or more");
        }
        for (Asked asked : plan.timepoints()) {
            if ((asked.timepoint() == Timepoint.END) != (asked.day() == null)) {
                throw new IllegalStateException("Only END has no day: " + asked);
            }
        }
        return plan;
    }

    /** The day of the program a timepoint falls due on (END: the end of the program). */
    int dayOf(Asked asked) {
        return asked.day() == null ? programWeeks * 7 : asked.day();
    }

    /**
     * What is due on {@code today} for a program that started on {@code start}, given what was answered: per
     * questionnaire, the latest timepoint that has fallen due, unless it (or a later one) was answered. A timepoint
     * lapses once the next one of the same questionnaire falls due (a late answer would be mislabelled), the last one
     * {@link #lastOpenForDays} after it fell due. Timepoints of one questionnaire on the same day: the later listed
     * one is asked (with a 12-week program, the week-12 answer is the end-of-program answer, END).
     */
    public List<Due> due(LocalDate start, LocalDate today, Collection<Answered> answered) {
        List<Due> due = new ArrayList<>();
        for (String code : questionnaires()) {
            latestDue(code, start, today)
                    .filter(d -> answered.stream()
                            .noneMatch(a -> a.questionnaire().equals(code)
                                    && !rank(code, a.timepoint()).isEmpty()
                                    && rank(code, a.timepoint()).get()
                                            >= rank(code, d.timepoint()).orElseThrow()))
                    .ifPresent(due::add);
        }
        return due;
    }

    /** A timepoint already answered. */
    public record Answered(String questionnaire, Timepoint timepoint) {}

    private List<String> questionnaires() {
        return timepoints.stream().map(Asked::questionnaire).distinct().toList();
    }

    private List<Asked> of(String code) {
        List<Asked> list = new ArrayList<>();
        for (Asked asked : timepoints) {
            if (asked.questionnaire().equals(code)) {
                // Same day as the one before: the later listed one is asked instead.
                if (!list.isEmpty() && dayOf(list.get(list.size() - 1)) == dayOf(asked)) {
                    list.remove(list.size() - 1);
                }
                list.add(asked);
            }
        }
        return list;
    }

    private Optional<Integer> rank(String code, Timepoint timepoint) {
        List<Asked> list = of(code);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).timepoint() == timepoint) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private Optional<Due> latestDue(String code, LocalDate start, LocalDate today) {
        List<Asked> list = of(code);
        for (int i = list.size() - 1; i >= 0; i--) {
            LocalDate since = start.plusDays(dayOf(list.get(i)));
            if (!since.isAfter(today)) {
                boolean last = i == list.size() - 1;
                if (last && today.isAfter(since.plusDays(lastOpenForDays - 1L))) {
                    return Optional.empty();
                }
                return Optional.of(new Due(code, list.get(i).timepoint(), since));
            }
        }
        return Optional.empty();
    }

    /** The pathway of a risk group (empty without a STarT Back answer or without an entry for the group). */
    public Optional<Pathway> pathway(Scoring.RiskGroup group) {
        return Optional.ofNullable(group).map(stratifiedCare::get);
    }

    /**
     * Whether a weekly assessment of the week starting {@code weekStart} asks a clinician's follow-up review for a
     * member in {@code group} whose program started on {@code start}: the first assessment of the pathway's
     * {@code firstReviewWeek} or later, once (never when {@code alreadyAsked}).
     */
    public boolean followUpDue(Scoring.RiskGroup group, LocalDate start, LocalDate weekStart, boolean alreadyAsked) {
        Integer week = pathway(group).map(Pathway::firstReviewWeek).orElse(null);
        return week != null && !alreadyAsked && !weekStart.isBefore(start.plusDays((week - 1L) * 7));
    }
}
