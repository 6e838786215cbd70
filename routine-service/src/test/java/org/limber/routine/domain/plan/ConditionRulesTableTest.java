package org.limber.routine.domain.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.limber.events.catalog.Equipment;
import org.limber.events.catalog.Level;
import org.limber.routine.domain.intake.Condition;
import org.limber.routine.domain.intake.Goal;
import org.limber.routine.domain.intake.Intake;
import org.limber.routine.domain.intake.PainDuration;
import org.limber.routine.domain.intake.RedFlag;
import org.limber.routine.domain.intake.Restriction;
import org.limber.testsupport.CatalogFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The condition rules file against the shipped exercises, as a table: one member and exercise per
 * line, and the rule that leaves it out ("-" when none does). Conditions and restrictions are
 * separated by spaces; surgery is months ago (empty: none); flare is the plan's flare state.
 */
class ConditionRulesTableTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final Map<String, ExerciseOption> CATALOG = CatalogFixture.snapshots().stream()
            .map(ExerciseOptions::from)
            .map(Optional::orElseThrow)
            .collect(Collectors.toMap(ExerciseOption::slug, Function.identity()));
    static final List<Rule> RULES = Rules.load();

    @ParameterizedTest(name = "{0} / surgery {1} / cannot {2} / flare {3} / {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | false | cat-cow                 | -
            SPINAL_STENOSIS            |    |       | false | cat-cow                 | stenosis-no-extension
            SPINAL_STENOSIS            |    |       | false | seated-cat-cow          | stenosis-no-extension
            SPINAL_STENOSIS            |    |       | false | foam-roll-hip-flexors   | stenosis-no-extension
            SPONDYLOLISTHESIS          |    |       | false | superman                | stenosis-no-extension
            SPONDYLOLISTHESIS          |    |       | false | prone-on-elbows         | stenosis-no-extension
            SPINAL_STENOSIS            |    |       | false | pelvic-tilt             | -
            SPINE_SURGERY              | 2  |       | false | cat-cow                 | surgery-first-3-months
            SPINE_SURGERY              | 2  |       | false | childs-pose             | surgery-first-3-months
            SPINE_SURGERY              | 2  |       | false | single-knee-to-chest    | surgery-first-3-months
            SPINE_SURGERY              | 2  |       | false | hip-hinge               | surgery-first-3-months
            SPINE_SURGERY              | 2  |       | false | knee-rocking            | surgery-first-3-months
            SPINE_SURGERY              | 5  |       | false | single-knee-to-chest    | -
            SPINE_SURGERY              | 5  |       | false | foam-roll-hip-flexors   | recent-surgery-protect
            SPINE_SURGERY              | 5  |       | false | standing-back-extension | recent-surgery-protect
            SPINE_SURGERY              | 5  |       | false | superman                | recent-surgery-protect
            SPINE_SURGERY              | 5  |       | false | seated-cat-cow          | recent-surgery-protect
            SPINE_SURGERY              | 8  |       | false | superman                | -
            OSTEOPOROSIS               |    |       | false | childs-pose             | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | standing-diagonal-reach | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | superman                | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | bird-dog                | -
            OSTEOPOROSIS               |    |       | false | glute-bridge            | -
            PREGNANCY                  |    |       | false | glute-bridge            | pregnancy-protect
            PREGNANCY                  |    |       | false | prone-lying             | pregnancy-protect
            PREGNANCY                  |    |       | false | full-plank              | pregnancy-protect
            PREGNANCY                  |    |       | false | standing-hip-flexor-stretch | pregnancy-protect
            PREGNANCY                  |    |       | false | cat-cow                 | -
            PREGNANCY                  |    |       | false | walking                 | -
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | true  | seated-cat-cow          | flare-gentle-only
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | true  | pelvic-tilt             | -
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | true  | walking                 | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | false | dead-bug                | no-floor
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | false | pelvic-tilt             | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | true  | knee-rocking            | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | true  | diaphragmatic-breathing | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | true  | single-knee-to-chest    | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | true  | childs-pose             | no-floor
            NON_SPECIFIC_LOW_BACK_PAIN |    | KNEELING | false | bird-dog             | no-kneeling
            DISC_HERNIATION            |    |       | false | bent-over-row           | disc-no-loaded-flexion-early
            # side bending: left out where bending is (surgery, osteoporosis), kept for unloaded-only rules
            SPINE_SURGERY              | 2  |       | false | standing-side-bend      | surgery-first-3-months
            SPINE_SURGERY              | 5  |       | false | standing-side-bend      | recent-surgery-protect
            SPINE_SURGERY              | 8  |       | false | standing-side-bend      | -
            OSTEOPOROSIS               |    |       | false | standing-side-bend      | osteoporosis-protect
            DISC_HERNIATION            |    |       | false | standing-side-bend      | -
            SPINAL_STENOSIS            |    |       | false | standing-side-bend      | -
            PREGNANCY                  |    |       | false | standing-side-bend      | -
            # the figure-four draws the legs to the chest: flexion
            SPINE_SURGERY              | 2  |       | false | figure-four-stretch     | surgery-first-3-months
            OSTEOPOROSIS               |    |       | false | figure-four-stretch     | osteoporosis-protect
            # rolling the upper back presses on the spine
            OSTEOPOROSIS               |    |       | false | foam-roll-upper-back    | osteoporosis-protect
            SPINE_SURGERY              | 5  |       | false | foam-roll-upper-back    | recent-surgery-protect
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | false | foam-roll-upper-back    | -
            # osteoporosis: no loaded bending or lifting; balance work and upright strengthening stay
            OSTEOPOROSIS               |    |       | false | kickstand-rdl           | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | bent-over-row           | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | bent-over-i-y-t         | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | hip-hinge               | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | standing-hamstring-stretch | osteoporosis-protect
            OSTEOPOROSIS               |    |       | false | standing-hip-flexor-stretch | -
            OSTEOPOROSIS               |    |       | false | squat                   | -
            OSTEOPOROSIS               |    |       | false | band-pull-apart         | -
            # the extension-biased flare options: kept in a flare, left out wherever arching is
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | true  | supported-prone-lying   | -
            NON_SPECIFIC_LOW_BACK_PAIN |    |       | true  | standing-lean-back      | -
            OSTEOPOROSIS               |    |       | true  | supported-prone-lying   | -
            SPINAL_STENOSIS            |    |       | true  | supported-prone-lying   | stenosis-no-extension
            SPINAL_STENOSIS            |    |       | true  | standing-lean-back      | stenosis-no-extension
            SPONDYLOLISTHESIS          |    |       | false | standing-lean-back      | stenosis-no-extension
            SPONDYLOLISTHESIS          |    |       | true  | supported-prone-lying   | stenosis-no-extension
            SPINE_SURGERY              | 2  |       | true  | standing-lean-back      | recent-surgery-protect
            SPINE_SURGERY              | 5  |       | true  | supported-prone-lying   | recent-surgery-protect
            PREGNANCY                  |    |       | true  | supported-prone-lying   | pregnancy-protect
            PREGNANCY                  |    |       | true  | standing-lean-back      | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | true  | supported-prone-lying   | -
            # seated breathing and pelvic tilt: no floor, not lying on the back
            PREGNANCY                  |    |       | false | diaphragmatic-breathing | pregnancy-protect
            PREGNANCY                  |    |       | false | pelvic-tilt             | pregnancy-protect
            PREGNANCY                  |    |       | false | seated-diaphragmatic-breathing | -
            PREGNANCY                  |    |       | false | seated-pelvic-tilt      | -
            PREGNANCY                  |    |       | true  | seated-diaphragmatic-breathing | -
            PREGNANCY                  |    |       | true  | seated-pelvic-tilt      | -
            PREGNANCY                  |    | FLOOR | true  | seated-diaphragmatic-breathing | -
            PREGNANCY                  |    | FLOOR | false | seated-pelvic-tilt      | -
            NON_SPECIFIC_LOW_BACK_PAIN |    | FLOOR | true  | seated-pelvic-tilt      | -
            SPINE_SURGERY              | 2  |       | false | seated-pelvic-tilt      | surgery-first-3-months
            OSTEOPOROSIS               |    |       | false | seated-pelvic-tilt      | osteoporosis-protect
            """)
    void theRuleThatLeavesItOut(
            String conditions, Integer surgeryMonthsAgo, String cannot, boolean flare, String slug, String rule) {
        Set<Condition> conds = Arrays.stream(conditions.split(" "))
                .map(Condition::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Condition.class)));
        Set<Restriction> restrictions = cannot == null
                ? Set.of()
                : Arrays.stream(cannot.split(" ")).map(Restriction::valueOf).collect(Collectors.toSet());
        Map<RedFlag, Boolean> none = Arrays.stream(RedFlag.values()).collect(Collectors.toMap(f -> f, f -> false));
        Intake intake = new Intake(
                conds,
                3,
                3,
                PainDuration.WEEKS_6_TO_12,
                surgeryMonthsAgo == null ? null : TODAY.minusMonths(surgeryMonthsAgo),
                none,
                Set.of(Goal.REDUCE_PAIN),
                EnumSet.allOf(Equipment.class),
                restrictions,
                20,
                3,
                Level.ADVANCED);
        ExerciseOption exercise = CATALOG.get(slug);
        assertThat(exercise).as(slug).isNotNull();
        Optional<Rule> excluding = new Eligibility(intake, RULES, TODAY, flare).excludingRule(exercise);
        assertThat(excluding.map(Rule::id).orElse("-")).isEqualTo(rule);
    }
}
