package org.limber.catalog.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.catalog.domain.ExerciseContent;
import org.limber.catalog.domain.VariationGraph;
import org.limber.catalog.service.SeedLoader.SeedEntry;
import org.limber.events.catalog.Direction;
import org.limber.events.catalog.Position;
import org.limber.events.catalog.SafetyTag;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercise files shipped with the service are complete, consistent and cover the domain brief. */
@QuarkusTest
class ContentIntegrityTest {

    /** Every exercise the domain brief (shared/domain.md) names, each variation its own entry. */
    static final List<String> NAMED_IN_DOMAIN_BRIEF = List.of(
            "bird-dog",
            "bird-dog-arm-reach",
            "bird-dog-leg-reach",
            "glute-bridge",
            "wall-push-up",
            "incline-push-up",
            "knee-push-up",
            "push-up",
            "bent-over-i-y-t",
            "standing-side-bend",
            "childs-pose",
            "cat-cow",
            "seated-cat-cow",
            "supine-back-rotation-stretch",
            "knee-rocking",
            "superman",
            "knee-plank",
            "forearm-plank",
            "full-plank",
            "knee-side-plank",
            "side-plank",
            "bent-over-row",
            "hip-hinge",
            "hip-hinge-towel-pull",
            "kickstand-rdl",
            "band-pull-apart",
            "pallof-press",
            "squat",
            "chair-sit-to-stand",
            "standing-hamstring-stretch",
            "standing-hip-flexor-stretch",
            "half-kneeling-hip-flexor-stretch",
            "standing-diagonal-reach",
            "diaphragmatic-breathing",
            "dead-bug",
            "figure-four-stretch",
            "single-knee-to-chest",
            "pelvic-tilt",
            "lunge-with-twist",
            "foam-roll-glutes",
            "foam-roll-hamstrings",
            "foam-roll-hip-flexors",
            "foam-roll-upper-back",
            "prone-lying",
            "prone-on-elbows",
            "prone-press-up",
            "standing-back-extension",
            "walking");

    /** The progressions the brief describes, easier first. */
    static final List<List<String>> PROGRESSIONS = List.of(
            List.of("seated-cat-cow", "cat-cow"),
            List.of("wall-push-up", "incline-push-up", "knee-push-up", "push-up"),
            List.of("knee-plank", "forearm-plank", "full-plank"),
            List.of("knee-side-plank", "side-plank"),
            List.of("hip-hinge", "hip-hinge-towel-pull", "kickstand-rdl"),
            List.of("chair-sit-to-stand", "squat"),
            List.of("bird-dog-arm-reach", "bird-dog"),
            List.of("bird-dog-leg-reach", "bird-dog"),
            List.of("knee-rocking", "supine-back-rotation-stretch"),
            List.of("bird-dog", "pallof-press"));

    /**
     * The gentle movements a flare allows (domain brief), their seated variants (for pregnancy and members who cannot
     * get down to the floor), and the extension-biased options (clinical review round three).
     */
    static final Set<String> FLARE_SET = Set.of(
            "pelvic-tilt",
            "knee-rocking",
            "diaphragmatic-breathing",
            "childs-pose",
            "walking",
            "single-knee-to-chest",
            "seated-pelvic-tilt",
            "seated-diaphragmatic-breathing",
            "supported-prone-lying",
            "standing-lean-back");

    /** What a hernia or recent abdominal surgery would leave out: hard bracing, long levers, lifting, a roller in the groin. */
    static final Set<String> ABDOMINAL_PRESSURE = Set.of(
            "knee-plank",
            "forearm-plank",
            "full-plank",
            "knee-side-plank",
            "side-plank",
            "dead-bug",
            "pallof-press",
            "knee-push-up",
            "push-up",
            "superman",
            "bent-over-row",
            "bent-over-i-y-t",
            "kickstand-rdl",
            "foam-roll-hip-flexors");

    static final Set<Position> ON_THE_FLOOR =
            Set.of(Position.SUPINE, Position.PRONE, Position.SIDE_LYING, Position.HANDS_AND_KNEES, Position.KNEELING);

    @Inject
    SeedLoader seeds;

    private Map<String, ExerciseContent> content() {
        return seeds.read("exercises").stream().collect(Collectors.toMap(SeedEntry::slug, SeedEntry::content));
    }

    @Test
    void everyFilePassesTheRulesEditorsArePublishedUnder() {
        List<SeedEntry> entries = seeds.read("exercises");
        assertThat(seeds.problems(entries)).isEmpty();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void everyExerciseTheBriefNamesIsPresent() {
        assertThat(content().keySet()).containsAll(NAMED_IN_DOMAIN_BRIEF);
    }

    @Test
    void everyEntryIsComplete() {
        content().forEach((slug, c) -> {
            assertThat(c.description()).as(slug + " description").isNotBlank();
            assertThat(c.steps()).as(slug + " steps").hasSizeGreaterThanOrEqualTo(3);
            assertThat(c.mayFeel()).as(slug + " mayFeel").isNotEmpty();
            assertThat(c.tips()).as(slug + " tips").isNotEmpty();
            assertThat(c.commonMistakes()).as(slug + " commonMistakes").isNotEmpty();
            assertThat(c.muscles()).as(slug + " muscles").isNotEmpty();
            assertThat(c.regions()).as(slug + " regions").isNotEmpty();
            assertThat(c.equipment()).as(slug + " equipment").isNotEmpty();
            assertThat(c.dose().range()).as(slug + " dose range").isNotNull();
            if (ON_THE_FLOOR.contains(c.position())) {
                assertThat(c.safetyTags()).as(slug + " starts on the floor").contains(SafetyTag.FLOOR_TRANSFER);
            }
        });
    }

    @Test
    void everyLinkResolvesWithoutACycleAndTheBriefsProgressionsHold() {
        Map<String, ExerciseContent> all = content();
        VariationGraph graph = new VariationGraph(all.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> new VariationGraph.Links(
                                e.getValue().easier(), e.getValue().harder()))));
        assertThat(graph.unknown(all.keySet())).isEmpty();
        assertThat(graph.cycle()).isEmpty();
        for (List<String> progression : PROGRESSIONS) {
            for (int i = 0; i + 1 < progression.size(); i++) {
                String easier = progression.get(i);
                String harder = progression.get(i + 1);
                assertThat(graph.harderThan(easier))
                        .as(easier + " -> " + harder)
                        .contains(harder);
                assertThat(all.get(easier).level())
                        .as(easier + " is not above " + harder)
                        .isLessThanOrEqualTo(all.get(harder).level());
            }
        }
    }

    @Test
    void safetyTagsFollowTheConditionRules() {
        Map<String, ExerciseContent> all = content();
        // Stenosis and spondylolisthesis leave out sustained or loaded extension: it must be tagged.
        for (String extension : List.of("superman", "prone-on-elbows", "prone-press-up", "standing-back-extension")) {
            assertThat(all.get(extension).safetyTags())
                    .as(extension)
                    .containsAnyOf(SafetyTag.SUSTAINED_EXTENSION, SafetyTag.LOADED_EXTENSION);
        }
        // Early after fusion: no loaded bending, lifting or twisting.
        for (String bending : List.of("bent-over-row", "kickstand-rdl", "bent-over-i-y-t")) {
            assertThat(all.get(bending).safetyTags()).as(bending).contains(SafetyTag.LOADED_BENDING);
        }
        for (String twisting : List.of("lunge-with-twist", "standing-diagonal-reach")) {
            assertThat(all.get(twisting).safetyTags()).as(twisting).contains(SafetyTag.TWISTING);
        }
        // The tags a clinical review found missing.
        assertThat(all.get("foam-roll-hip-flexors").safetyTags()).contains(SafetyTag.SUSTAINED_EXTENSION);
        assertThat(all.get("foam-roll-hip-flexors").direction()).isEqualTo(Direction.EXTENSION);
        for (String arching : List.of("cat-cow", "seated-cat-cow")) {
            assertThat(all.get(arching).safetyTags())
                    .as(arching)
                    .contains(SafetyTag.REPEATED_EXTENSION)
                    .doesNotContain(SafetyTag.FLARE_SAFE);
        }
        assertThat(all.get("superman").safetyTags()).contains(SafetyTag.HIGH_EFFORT);
        assertThat(all.get("pelvic-tilt").safetyTags()).contains(SafetyTag.REPEATED_FLEXION);
        for (String bed : List.of("pelvic-tilt", "knee-rocking", "diaphragmatic-breathing", "single-knee-to-chest")) {
            assertThat(all.get(bed).safetyTags()).as(bed).contains(SafetyTag.ON_BED, SafetyTag.FLARE_SAFE);
        }
        Set<String> flareSafe = all.entrySet().stream()
                .filter(e -> e.getValue().safetyTags().contains(SafetyTag.FLARE_SAFE))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(flareSafe).containsAll(FLARE_SET);
        // Rolling the upper back presses on the thoracic spine; the other rollers stay off the spine.
        all.entrySet().stream()
                .filter(e -> e.getKey().startsWith("foam-roll-") && !e.getKey().equals("foam-roll-upper-back"))
                .forEach(e ->
                        assertThat(e.getValue().safetyTags()).as(e.getKey()).contains(SafetyTag.NOT_ON_SPINE));
        assertThat(all.get("foam-roll-upper-back").safetyTags())
                .contains(SafetyTag.PRESSURE_ON_SPINE)
                .doesNotContain(SafetyTag.NOT_ON_SPINE);
    }

    /** The tags clinical review round three found missing or wrong. */
    @Test
    void roundThreeTagsAreInPlace() {
        Map<String, ExerciseContent> all = content();
        // Side bending: a tag of its own, which the surgery and osteoporosis rules read.
        assertThat(all.get("standing-side-bend").safetyTags()).contains(SafetyTag.LATERAL_BENDING);
        all.forEach((slug, c) -> assertThat(c.direction() == Direction.LATERAL)
                .as(slug + " bends sideways exactly when it carries LATERAL_BENDING")
                .isEqualTo(c.safetyTags().contains(SafetyTag.LATERAL_BENDING)));
        // Drawing the legs to the chest rounds the low back.
        assertThat(all.get("figure-four-stretch").direction()).isEqualTo(Direction.FLEXION);
        assertThat(all.get("figure-four-stretch").safetyTags()).contains(SafetyTag.REPEATED_FLEXION);
        // Loaded bending and lifting, which the osteoporosis rule leaves out.
        for (String slug : List.of("kickstand-rdl", "bent-over-row", "bent-over-i-y-t")) {
            assertThat(all.get(slug).safetyTags())
                    .as(slug)
                    .contains(SafetyTag.LOADED_BENDING, SafetyTag.LIFTING, SafetyTag.ABDOMINAL_PRESSURE);
        }
        // Pressure in the belly: exactly the listed exercises (the gentle and the upright bodyweight ones do not).
        Set<String> abdominal = all.entrySet().stream()
                .filter(e -> e.getValue().safetyTags().contains(SafetyTag.ABDOMINAL_PRESSURE))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(abdominal).isEqualTo(ABDOMINAL_PRESSURE);
    }

    /**
     * The flare-safe set has flexion-biased and extension-biased options, and each is one or the other by its
     * direction, so that a rule choosing by a member's directional preference can tell them apart.
     */
    @Test
    void theFlareSetSplitsByDirection() {
        Map<String, ExerciseContent> flareSafe = content().entrySet().stream()
                .filter(e -> e.getValue().safetyTags().contains(SafetyTag.FLARE_SAFE))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<SafetyTag> arching =
                Set.of(SafetyTag.SUSTAINED_EXTENSION, SafetyTag.LOADED_EXTENSION, SafetyTag.REPEATED_EXTENSION);
        Set<SafetyTag> rounding = Set.of(SafetyTag.REPEATED_FLEXION, SafetyTag.LOADED_FLEXION);
        Map<Direction, Set<String>> byDirection = flareSafe.entrySet().stream()
                .collect(Collectors.groupingBy(
                        e -> e.getValue().direction(), Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        assertThat(byDirection.get(Direction.EXTENSION))
                .containsExactlyInAnyOrder("supported-prone-lying", "standing-lean-back");
        assertThat(byDirection.get(Direction.FLEXION))
                .contains("pelvic-tilt", "seated-pelvic-tilt", "single-knee-to-chest", "childs-pose");
        flareSafe.forEach((slug, c) -> {
            boolean arches = c.safetyTags().stream().anyMatch(arching::contains);
            boolean rounds = c.safetyTags().stream().anyMatch(rounding::contains);
            assertThat(arches)
                    .as(slug + " arches exactly when its direction is EXTENSION")
                    .isEqualTo(c.direction() == Direction.EXTENSION);
            assertThat(rounds)
                    .as(slug + " rounds exactly when its direction is FLEXION")
                    .isEqualTo(c.direction() == Direction.FLEXION);
        });
        // One lying and one standing, so the option survives pregnancy (no lying face down) and the floor rule.
        assertThat(flareSafe.get("supported-prone-lying").safetyTags()).contains(SafetyTag.ON_BED);
        assertThat(flareSafe.get("standing-lean-back").position()).isEqualTo(Position.STANDING);
    }

    /** Breathing and the pelvic tilt have seated variants: no floor, not lying on the back (pregnancy). */
    @Test
    void breathingAndThePelvicTiltCanBeDoneSeated() {
        Map<String, ExerciseContent> all = content();
        for (String seated : List.of("seated-pelvic-tilt", "seated-diaphragmatic-breathing")) {
            assertThat(all.get(seated).position()).as(seated).isEqualTo(Position.SEATED);
            assertThat(all.get(seated).safetyTags())
                    .as(seated)
                    .contains(SafetyTag.FLARE_SAFE)
                    .doesNotContain(SafetyTag.FLOOR_TRANSFER);
        }
        assertThat(all.get("seated-pelvic-tilt").easier()).contains("pelvic-tilt");
        assertThat(all.get("seated-diaphragmatic-breathing").easier()).contains("diaphragmatic-breathing");
        assertThat(all.get("seated-pelvic-tilt").category())
                .isEqualTo(all.get("pelvic-tilt").category());
        assertThat(all.get("seated-diaphragmatic-breathing").category())
                .isEqualTo(all.get("diaphragmatic-breathing").category());
    }

    @Test
    void namesAndSlugsAreUnique() {
        List<SeedEntry> entries = seeds.read("exercises");
        assertThat(entries.stream().map(SeedEntry::slug).distinct().count()).isEqualTo(entries.size());
        assertThat(entries.stream()
                        .map(e -> e.content().name().toLowerCase())
                        .distinct()
                        .count())
                .isEqualTo(entries.size());
    }
}
