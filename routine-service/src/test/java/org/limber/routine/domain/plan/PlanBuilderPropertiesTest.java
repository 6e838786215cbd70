package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.limber.events.catalog.Category;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.events.catalog.SafetyTag;
import org.limber.routine.domain.IntakeAssessment;
import org.limber.routine.domain.IntakeAssessment.Outcome;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Restriction;
import org.limber.testsupport.CatalogFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of intake assessment and the plan builder over thousands of random intakes, with the real catalog and rules. */
class PlanBuilderPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final List<ExerciseOption> CATALOG = CatalogFixture.snapshots().stream()
            .map(ExerciseOptions::from)
            .map(Optional::orElseThrow)
            .toList();
    static final Map<String, ExerciseOption> BY_SLUG =
            CATALOG.stream().collect(Collectors.toMap(ExerciseOption::slug, e -> e));
    static final List<Rule> RULES = Rules.load();
    static final PlanBuilder BUILDER = new PlanBuilder(RULES);
    static final IntakeAssessment ASSESSMENT = new IntakeAssessment(BUILDER);

    @Provide
    Arbitrary<Intake> intakes() {
        Arbitrary<Set<Condition>> conditions =
                Arbitraries.of(Condition.class).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Integer> pain = Arbitraries.integers().between(0, 10);
        Arbitrary<PainDuration> durations = Arbitraries.of(PainDuration.class);
        Arbitrary<LocalDate> surgery =
                Arbitraries.integers().between(0, 900).map(TODAY::minusDays).injectNull(0.6);
        Arbitrary<Set<RedFlag>> redFlags = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Set.<RedFlag>of())),
                Tuple.of(2, Arbitraries.of(RedFlag.class).set().ofMinSize(1).ofMaxSize(3)));
        Arbitrary<Set<Goal>> goals =
                Arbitraries.of(Goal.class).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<Equipment>> equipment = Arbitraries.of(Equipment.class).set();
        Arbitrary<Set<Restriction>> restrictions =
                Arbitraries.of(Restriction.class).set();
        Arbitrary<Integer> minutes = Arbitraries.integers().between(5, 30);
        Arbitrary<Integer> perWeek = Arbitraries.integers().between(2, 7);
        Arbitrary<Level> levels = Arbitraries.of(Level.class);
        return Combinators.combine(conditions, pain, pain, durations, surgery, redFlags, goals, equipment)
                .flatAs((c, now, typical, duration, surgeryDate, flags, g, eq) -> Combinators.combine(
                                restrictions, minutes, perWeek, levels)
                        .as((r, min, week, level) -> new Intake(
                                c, now, typical, duration, surgeryDate, answers(flags), g, eq, r, min, week, level)));
    }

    static Map<RedFlag, Boolean> answers(Set<RedFlag> yes) {
        Map<RedFlag, Boolean> answers = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            answers.put(flag, yes.contains(flag));
        }
        return answers;
    }

    private static List<ExerciseOption> planned(PlanProposal plan) {
        return plan.sessions().stream()
                .flatMap(s -> s.items().stream())
                .map(i -> BY_SLUG.get(i.slug()))
                .toList();
    }

    @Property(tries = 3000)
    void aRedFlagNeverYieldsAPlan(@ForAll("intakes") Intake intake) {
        IntakeAssessment.Result result = ASSESSMENT.assess(intake, CATALOG, TODAY);
        // Inflammatory back pain is a review flag: the plan is built all the same.
        // A past cancer refers only with a new episode; sudden severe pain with weak bones is a possible fracture.
        Map<RedFlag, Boolean> yes = intake.redFlags();
        boolean weakBones =
                yes.get(RedFlag.BONE_FRAGILITY) || intake.conditions().contains(Condition.OSTEOPOROSIS);
        boolean anyRedFlag = yes.entrySet().stream()
                        .anyMatch(e -> e.getValue()
                                && e.getKey().consequence == RedFlag.Consequence.REFERRAL
                                && e.getKey().asked()
                                && e.getKey() != RedFlag.CANCER_HISTORY)
                || (yes.get(RedFlag.CANCER_HISTORY) && yes.get(RedFlag.NEW_EPISODE))
                || (weakBones && yes.get(RedFlag.SUDDEN_ONSET) && intake.painNow() >= 7);
        assertThat(result.outcome()).isEqualTo(anyRedFlag ? Outcome.REFERRED : Outcome.PLAN_CREATED);
        if (anyRedFlag) {
            assertThat(result.plan()).isNull();
            assertThat(result.redFlags()).isNotEmpty();
        }
    }

    @Property(tries = 3000)
    void nothingExcludedMissingOrImpossibleIsEverPlanned(@ForAll("intakes") Intake intake) {
        PlanProposal plan = BUILDER.build(intake, CATALOG, TODAY);
        Set<Equipment> available = EnumSet.of(Equipment.NONE);
        available.addAll(intake.equipment());
        Eligibility eligibility = new Eligibility(intake, RULES, TODAY);
        for (ExerciseOption exercise : planned(plan)) {
            assertThat(eligibility.whyExcluded(exercise)).as(exercise.slug()).isEmpty();
            assertThat(available)
                    .as(exercise.slug() + " equipment")
                    .containsAll(exercise.equipment().stream()
                            .filter(e -> !(e == Equipment.MAT && eligibility.onBed(exercise)))
                            .toList());
            assertThat(exercise.level()).as(exercise.slug() + " level").isLessThanOrEqualTo(intake.experience());
            if (intake.cannotGetInto().contains(Restriction.FLOOR)) {
                // Only what can be done lying on a bed.
                assertThat(!exercise.safetyTags().contains(SafetyTag.FLOOR_TRANSFER)
                                || exercise.safetyTags().contains(SafetyTag.ON_BED))
                        .as(exercise.slug())
                        .isTrue();
            }
            if (intake.cannotGetInto().contains(Restriction.KNEELING)) {
                assertThat(exercise.safetyTags()).as(exercise.slug()).doesNotContain(SafetyTag.WEIGHT_ON_KNEES);
            }
            if (intake.conditions().contains(Condition.SPINAL_STENOSIS)
                    || intake.conditions().contains(Condition.SPONDYLOLISTHESIS)) {
                assertThat(exercise.safetyTags())
                        .as(exercise.slug())
                        .doesNotContain(SafetyTag.SUSTAINED_EXTENSION, SafetyTag.LOADED_EXTENSION);
                assertThat(exercise.direction()).as(exercise.slug()).isNotEqualTo(Direction.EXTENSION);
            }
            if (intake.surgeryDate() != null
                    && !intake.surgeryDate().plusMonths(6).isBefore(TODAY)) {
                assertThat(exercise.safetyTags())
                        .as(exercise.slug())
                        .doesNotContain(
                                SafetyTag.LOADED_BENDING,
                                SafetyTag.LIFTING,
                                SafetyTag.TWISTING,
                                SafetyTag.LOADED_EXTENSION);
            }
            if (intake.painNow() >= 7) {
                assertThat(exercise.safetyTags()).as(exercise.slug()).contains(SafetyTag.FLARE_SAFE);
            }
        }
        // Everything left out says why.
        plan.excluded().forEach(e -> assertThat(e.reason()).isNotBlank());
    }

    @Property(tries = 3000)
    void everySessionFitsTheTimeBudget(@ForAll("intakes") Intake intake) {
        PlanProposal plan = BUILDER.build(intake, CATALOG, TODAY);
        assertThat(plan.sessions()).hasSize(intake.sessionsPerWeek());
        for (PlanProposal.Session session : plan.sessions()) {
            int sum = session.items().stream()
                    .mapToInt(PlanProposal.Item::estimatedSeconds)
                    .sum();
            assertThat(session.estimatedSeconds()).isEqualTo(sum).isLessThanOrEqualTo(intake.minutesPerSession() * 60);
            for (PlanProposal.Item item : session.items()) {
                ExerciseOption exercise = BY_SLUG.get(item.slug());
                assertThat(item.estimatedSeconds())
                        .isEqualTo(TimeEstimate.seconds(toDose(item, exercise), exercise.unilateral()));
                assertThat(item.reason()).isNotBlank();
            }
            assertThat(session.items()).as("a session is never empty").isNotEmpty();
            assertThat(session.items().stream()
                            .map(PlanProposal.Item::slug)
                            .distinct()
                            .count())
                    .isEqualTo(session.items().size());
        }
    }

    @Property(tries = 2000)
    void theSameIntakeAlwaysGivesTheSamePlan(@ForAll("intakes") Intake intake) {
        List<ExerciseOption> shuffled = new ArrayList<>(CATALOG);
        Collections.shuffle(shuffled, new Random(intake.hashCode()));
        assertThat(BUILDER.build(intake, shuffled, TODAY)).isEqualTo(BUILDER.build(intake, CATALOG, TODAY));
    }

    @Property(tries = 2000)
    void sessionsAreBalancedAndTheWeekVaries(@ForAll("intakes") Intake intake) {
        PlanProposal plan = BUILDER.build(intake, CATALOG, TODAY);
        if (intake.painNow() >= 7 || intake.minutesPerSession() < 10) {
            return;
        }
        Eligibility eligibility = new Eligibility(intake, RULES, TODAY);
        Set<Category> available = CATALOG.stream()
                .filter(e -> eligibility.whyExcluded(e).isEmpty())
                .map(ExerciseOption::category)
                .collect(Collectors.toSet());
        for (PlanProposal.Session session : plan.sessions()) {
            Set<Category> categories =
                    session.items().stream().map(PlanProposal.Item::category).collect(Collectors.toSet());
            for (Category needed : List.of(Category.MOBILITY, Category.CORE_STABILITY)) {
                if (available.contains(needed)) {
                    assertThat(categories).as("session " + session.number()).contains(needed);
                }
            }
        }
        long distinct = plan.sessions().stream()
                .map(s -> s.items().stream().map(PlanProposal.Item::slug).toList())
                .distinct()
                .count();
        // The week varies when there is a choice: some category with eligible exercises of two families or more (a
        // member
        // with many restrictions, such as pregnancy early after spine surgery, may have a single one in each).
        // Only the categories the plan uses count: a short session budget may leave a category with a choice out of
        // every session (10 minutes, two sessions: mobility, strength, stretch and breathing fill them).
        Map<String, String> families = ExerciseFamilies.of(CATALOG);
        Set<Category> used = plan.sessions().stream()
                .flatMap(s -> s.items().stream())
                .map(PlanProposal.Item::category)
                .collect(Collectors.toSet());
        boolean choice = CATALOG.stream()
                .filter(e -> eligibility.whyExcluded(e).isEmpty())
                .filter(e -> used.contains(e.category()))
                .collect(Collectors.groupingBy(
                        ExerciseOption::category, Collectors.mapping(e -> families.get(e.slug()), Collectors.toSet())))
                .values()
                .stream()
                .anyMatch(f -> f.size() > 1);
        if (choice) {
            assertThat(distinct).as("the week varies").isGreaterThan(1);
        }
    }

    @Provide
    Arbitrary<List<ExerciseOption>> catalogSubsets() {
        return Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.subsetOf(CATALOG)),
                        Tuple.of(3, Arbitraries.subsetOf(CATALOG).ofMaxSize(6)),
                        Tuple.of(1, Arbitraries.just(Set.<ExerciseOption>of())))
                .map(List::copyOf);
    }

    /** A half-read or thin catalog never gives a session without an exercise: the intake needs a review instead. */
    @Property(tries = 1500)
    void noSessionIsEverEmptyWhateverPartOfTheCatalogIsThere(
            @ForAll("intakes") Intake intake, @ForAll("catalogSubsets") List<ExerciseOption> catalog) {
        IntakeAssessment.Result result = ASSESSMENT.assess(intake, catalog, TODAY);
        switch (result.outcome()) {
            case REFERRED -> assertThat(result.plan()).isNull();
            case NEEDS_REVIEW -> {
                assertThat(result.plan()).isNull();
                assertThat(result.reviewReason()).contains("clinician");
                assertThat(BUILDER.build(intake, catalog, TODAY).emptySessions())
                        .isNotEmpty();
            }
            case PLAN_CREATED -> {
                assertThat(result.plan().sessions()).hasSize(intake.sessionsPerWeek());
                assertThat(result.plan().sessions())
                        .allSatisfy(session -> assertThat(session.items())
                                .as("session " + session.number())
                                .anyMatch(item -> !item.paused()));
                assertThat(result.plan().emptySessions()).isEmpty();
            }
            default -> throw new IllegalStateException(result.outcome().name());
        }
        if (catalog.isEmpty() && !intake.redFlags().containsValue(true)) {
            assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        }
    }

    /** A clinician's tailoring (pausing any items, the catalog retiring any exercises) never leaves a session without an exercise. */
    @Property(tries = 500)
    void tailoringNeverLeavesASessionEmpty(
            @ForAll("intakes") Intake intake,
            @ForAll("catalogSubsets") List<ExerciseOption> stillPublished,
            @ForAll Random random) {
        IntakeAssessment.Result result = ASSESSMENT.assess(intake, CATALOG, TODAY);
        if (result.plan() == null) {
            return;
        }
        List<PlanTailoring.Change> pauses = result.plan().sessions().stream()
                .flatMap(s -> s.items().stream()
                        .filter(i -> random.nextInt(3) == 0)
                        .map(i -> new PlanTailoring.Change(
                                PlanTailoring.ChangeType.PAUSE, i.slug(), s.number(), null, null)))
                .toList();
        Map<String, ExerciseOption> published =
                stillPublished.stream().collect(Collectors.toMap(ExerciseOption::slug, e -> e));
        PlanTailoring.Result tailored = PlanTailoring.apply(
                result.plan(), pauses, published, new Eligibility(intake, RULES, TODAY), "note", null);
        if (tailored.errors().isEmpty()) {
            assertThat(tailored.plan().emptySessions()).isEmpty();
        } else {
            assertThat(tailored.plan()).isNull();
        }
    }

    private static Dose toDose(PlanProposal.Item item, ExerciseOption exercise) {
        Dose d = exercise.dose();
        return new Dose(
                item.dose().sets(),
                item.dose().reps(),
                item.dose().holdSeconds(),
                item.dose().durationSeconds(),
                item.dose().restSeconds(),
                d.setsRange(),
                d.repsRange(),
                d.holdSecondsRange(),
                d.durationSecondsRange());
    }
}
