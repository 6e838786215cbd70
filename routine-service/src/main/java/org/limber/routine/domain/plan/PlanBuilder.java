package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.SpinalLoad;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;

/**
 * Builds a week of sessions from a member's intake, the published catalog and the condition
 * rules. Deterministic: the same inputs always give the same plan.
 *
 * <ol>
 * <li>Every exercise the member lacks equipment for, that is above their level, or that a rule
 * leaves out is excluded, with the reason.</li>
 * <li>Of each family of variations (linked easier/harder), one remains: the hardest the member's
 * level allows, gentler on the spine when equal.</li>
 * <li>Each session fills slots in order (mobility, core stability, strengthening, a stretch,
 * breathing, then extras while time remains, those serving more of the member's goals first),
 * each from its category's candidates ranked by pain and level, rotating so that sessions of the
 * week differ.</li>
 * <li>An exercise enters at its default dose, or at its smallest dose when time is short, and
 * only if it fits the minutes left.</li>
 * </ol>
 */
public final class PlanBuilder {

    /** The order in which a session is filled: the base every plan has, then the extras, while time remains. */
    static final List<Category> SLOTS = List.of(
            Category.MOBILITY,
            Category.CORE_STABILITY,
            Category.STRENGTHENING,
            Category.STRETCH,
            Category.BREATHING,
            // the extras, in this order for a member whose goals name none of them (see slots(...))
            Category.FUNCTIONAL,
            Category.CORE_STABILITY,
            Category.STRENGTHENING,
            Category.SOFT_TISSUE_RELEASE,
            Category.MOBILITY,
            Category.STRETCH,
            Category.AEROBIC);

    /** How many of {@link #SLOTS} are the base; the rest are the extras that the member's goals put in order. */
    static final int BASE_SLOTS = 5;

    /** During a flare: gentle movement only. */
    static final List<Category> FLARE_SLOTS =
            List.of(Category.MOBILITY, Category.BREATHING, Category.STRETCH, Category.MOBILITY, Category.AEROBIC);

    private static final Map<Goal, Set<Category>> GOAL_CATEGORIES = Map.of(
            Goal.REDUCE_PAIN, Set.of(Category.MOBILITY, Category.BREATHING),
            Goal.MOVE_MORE_EASILY, Set.of(Category.MOBILITY, Category.STRETCH),
            Goal.LIFT_SAFELY, Set.of(Category.FUNCTIONAL, Category.STRENGTHENING),
            Goal.SIT_LONGER, Set.of(Category.STRETCH, Category.CORE_STABILITY),
            Goal.STAY_ACTIVE, Set.of(Category.AEROBIC, Category.STRENGTHENING),
            Goal.PREVENT_RECURRENCE, Set.of(Category.CORE_STABILITY, Category.STRENGTHENING));

    private static final Map<Category, String> PURPOSE = Map.of(
            Category.MOBILITY, "to loosen up and move your spine gently",
            Category.STRETCH, "to ease tight muscles around your back and hips",
            Category.CORE_STABILITY, "for core stability, to support your spine",
            Category.STRENGTHENING, "to strengthen the muscles that carry your back",
            Category.FUNCTIONAL, "to practise everyday movements like bending and lifting safely",
            Category.BREATHING, "to relax and settle tension with calm breathing",
            Category.AEROBIC, "for gentle aerobic activity, which helps back pain settle",
            Category.SOFT_TISSUE_RELEASE, "to release tight soft tissue");

    private final List<Rule> rules;

    public PlanBuilder(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public PlanProposal build(Intake intake, Collection<ExerciseOption> catalog, LocalDate today) {
        return build(intake, catalog, today, null);
    }

    /** Whether a plan built from this intake now is a flare plan (the gentle set only). */
    public boolean flare(Intake intake, LocalDate today) {
        return new Eligibility(intake, rules, today).restrictedToOnly();
    }

    /** {@code inFlare}: build the flare plan (true) or the usual one (false) whatever the intake's pain; null: the intake's pain decides. */
    public PlanProposal build(Intake intake, Collection<ExerciseOption> catalog, LocalDate today, Boolean inFlare) {
        Eligibility eligibility = new Eligibility(intake, rules, today, inFlare);
        List<ExerciseOption> all = catalog.stream()
                .sorted(Comparator.comparing(ExerciseOption::slug))
                .toList();

        List<PlanProposal.Exclusion> excluded = new ArrayList<>();
        Map<Category, Set<String>> ruleReasonsByCategory = new EnumMap<>(Category.class);
        List<ExerciseOption> eligible = new ArrayList<>();
        for (ExerciseOption exercise : all) {
            Optional<String> why = eligibility.whyExcluded(exercise);
            if (why.isPresent()) {
                excluded.add(new PlanProposal.Exclusion(exercise.slug(), exercise.name(), why.get()));
                eligibility
                        .excludingRule(exercise)
                        .ifPresent(rule -> ruleReasonsByCategory
                                .computeIfAbsent(exercise.category(), c -> new LinkedHashSet<>())
                                .add(rule.reason()));
            } else {
                eligible.add(exercise);
            }
        }

        Map<Category, List<ExerciseOption>> pools =
                pools(ExerciseFamilies.representatives(eligible, ExerciseFamilies.of(all)), intake);
        boolean flare = eligibility.restrictedToOnly();
        List<Category> slots = flare ? FLARE_SLOTS : slots(intake.goals());
        int budget = intake.minutesPerSession() * 60;

        List<PlanProposal.Session> sessions = new ArrayList<>();
        for (int number = 1; number <= intake.sessionsPerWeek(); number++) {
            sessions.add(session(number, slots, pools, budget, intake, flare, ruleReasonsByCategory, eligibility));
        }
        List<String> notes = new ArrayList<>();
        eligibility.applicableRules().forEach(rule -> notes.add(capitalize(rule.reason()) + "."));
        return new PlanProposal(sessions, excluded, notes);
    }

    private PlanProposal.Session session(
            int number,
            List<Category> slots,
            Map<Category, List<ExerciseOption>> pools,
            int budget,
            Intake intake,
            boolean flare,
            Map<Category, Set<String>> ruleReasons,
            Eligibility eligibility) {
        List<PlanProposal.Item> items = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Map<Category, Integer> timesUsed = new EnumMap<>(Category.class);
        int left = budget;
        for (Category category : slots) {
            List<ExerciseOption> pool = pools.getOrDefault(category, List.of());
            if (pool.isEmpty()) {
                continue;
            }
            int repeat = timesUsed.merge(category, 1, Integer::sum) - 1;
            // Rotate through the ranked candidates: session n starts n-1 places further along.
            int start = (number - 1 + repeat) % pool.size();
            for (int k = 0; k < pool.size(); k++) {
                ExerciseOption exercise = pool.get((start + k) % pool.size());
                if (used.contains(exercise.slug())) {
                    continue;
                }
                Optional<Dose> dose = fit(exercise, left);
                if (dose.isEmpty()) {
                    continue;
                }
                int seconds = TimeEstimate.seconds(dose.get(), exercise.unilateral());
                items.add(new PlanProposal.Item(
                        exercise.slug(),
                        exercise.version(),
                        exercise.name(),
                        category,
                        dose.get().prescribed(exercise.unilateral()),
                        seconds,
                        reason(
                                exercise,
                                intake,
                                flare,
                                ruleReasons,
                                !dose.get().equals(exercise.dose()),
                                eligibility.onBed(exercise)),
                        false,
                        false));
                used.add(exercise.slug());
                left -= seconds;
                break;
            }
        }
        return new PlanProposal.Session(number, items, budget - left);
    }

    /**
     * The usual session's slots: the base for everyone, then the extras that serve more of the member's goals first
     * (ties keep {@link #SLOTS}' order). When time is short only the first extras fit, so this is where goals change
     * what a member does: someone who wants to lift safely gets the functional and strengthening extras before a
     * second stretch. A flare plan ignores goals (gentle movement only comes first), and no goal can bring in an
     * exercise that the rules or the member's level left out: it only orders the eligible ones.
     */
    static List<Category> slots(Collection<Goal> goals) {
        List<Category> extras = new ArrayList<>(SLOTS.subList(BASE_SLOTS, SLOTS.size()));
        extras.sort(Comparator.comparingInt(category -> -goalsServed(category, goals)));
        List<Category> slots = new ArrayList<>(SLOTS.subList(0, BASE_SLOTS));
        slots.addAll(extras);
        return slots;
    }

    private static int goalsServed(Category category, Collection<Goal> goals) {
        return (int) goals.stream()
                .filter(goal -> GOAL_CATEGORIES.get(goal).contains(category))
                .count();
    }

    /** The default dose if it fits the time left, else the smallest dose if that fits. */
    static Optional<Dose> fit(ExerciseOption exercise, int secondsLeft) {
        if (TimeEstimate.seconds(exercise.dose(), exercise.unilateral()) <= secondsLeft) {
            return Optional.of(exercise.dose());
        }
        Dose minimum = exercise.dose().minimum();
        return TimeEstimate.seconds(minimum, exercise.unilateral()) <= secondsLeft
                ? Optional.of(minimum)
                : Optional.empty();
    }

    private static String reason(
            ExerciseOption exercise,
            Intake intake,
            boolean flare,
            Map<Category, Set<String>> ruleReasons,
            boolean shortened,
            boolean onBed) {
        StringBuilder reason = new StringBuilder(
                flare
                        ? "Gentle movement while your pain is high: chosen " + PURPOSE.get(exercise.category())
                        : "Chosen " + PURPOSE.get(exercise.category()));
        intake.goals().stream()
                .sorted()
                .filter(goal -> GOAL_CATEGORIES.get(goal).contains(exercise.category()))
                .findFirst()
                .ifPresent(goal -> reason.append(", which serves your goal to ").append(Eligibility.phrase(goal)));
        if (shortened) {
            reason.append("; a shorter dose so the session fits your time");
        }
        if (onBed) {
            reason.append("; do it lying on a firm bed, no need to get down to the floor");
        }
        Set<String> leftOut = ruleReasons.getOrDefault(exercise.category(), Set.of());
        if (!leftOut.isEmpty()) {
            reason.append("; ").append(String.join("; ", leftOut));
        }
        return reason.append('.').toString();
    }

    /**
     * Candidates per category, best first: gentle when pain is high or recent, level fit. (Goals order the slots, not
     * the candidates: every exercise of a category serves the same goals.)
     */
    private static Map<Category, List<ExerciseOption>> pools(Collection<ExerciseOption> exercises, Intake intake) {
        boolean beGentle = intake.painNow() >= 5 || intake.duration() == PainDuration.UNDER_6_WEEKS;
        Map<Category, List<ExerciseOption>> pools = new EnumMap<>(Category.class);
        Comparator<ExerciseOption> ranking = Comparator.<ExerciseOption>comparingInt(e -> -score(e, intake, beGentle))
                .thenComparing(ExerciseOption::slug);
        for (ExerciseOption exercise : exercises) {
            pools.computeIfAbsent(exercise.category(), c -> new ArrayList<>()).add(exercise);
        }
        pools.values().forEach(pool -> pool.sort(ranking));
        return pools;
    }

    private static int score(ExerciseOption exercise, Intake intake, boolean beGentle) {
        int score = 0;
        if (beGentle) {
            score += exercise.spinalLoad() == SpinalLoad.LOW ? 2 : exercise.spinalLoad() == SpinalLoad.HIGH ? -2 : 0;
        }
        if (exercise.level() == intake.experience()) {
            score += 1;
        }
        return score;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
