package org.limber.progress.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.limber.progress.domain.AlertFolding.Cause;
import org.limber.progress.domain.AlertFolding.Decision;
import org.limber.progress.domain.AlertFolding.Facts;
import org.limber.progress.domain.AlertFolding.Status;
import org.limber.progress.domain.AlertFolding.Unresolved;

import static org.assertj.core.api.Assertions.assertThat;

/** The fold rule: what becomes of an alert a rule calls for, given the member's alerts of its kind. */
class AlertFoldingTest {

    static final AlertRules RULES = AlertRules.load();

    /** Every kind that folds, by the shipped rules file (the urgent kinds and intake reviews do not). */
    static List<AlertKind> foldingKinds() {
        return Arrays.stream(AlertKind.values())
                .filter(k -> RULES.rule(k).folds())
                .toList();
    }

    static List<AlertKind> eachCauseKinds() {
        return Arrays.stream(AlertKind.values())
                .filter(k -> !RULES.rule(k).folds())
                .toList();
    }

    final AtomicInteger next = new AtomicInteger();
    final Supplier<UUID> ids = () -> new UUID(0, next.incrementAndGet());

    static Decision decide(List<NewAlert> candidates, Facts facts, Supplier<UUID> ids) {
        return AlertFolding.decide(candidates, facts, RULES, ids);
    }

    @Test
    void theKindsThatFoldAreTheNonUrgentOnesButIntakeReviews() {
        assertThat(foldingKinds())
                .containsExactlyInAnyOrder(
                        AlertKind.HIGH_PAIN,
                        AlertKind.PAIN_ABOVE_BASELINE,
                        AlertKind.INACTIVE,
                        AlertKind.LOW_ADHERENCE,
                        AlertKind.CANNOT_REGRESS,
                        AlertKind.CLEARANCE_OVERDUE,
                        AlertKind.NO_RESPONSE,
                        AlertKind.PSYCHOSOCIAL_RISK);
    }

    /** Issue 20, item 4: a pain of 9 weeks after an acknowledged pain-8 alert, and its like for every kind that folds. */
    @ParameterizedTest
    @MethodSource("foldingKinds")
    void aNewOccurrenceReopensAnAcknowledgedAlert(AlertKind kind) {
        Unresolved acknowledged = new Unresolved(UUID.randomUUID(), "m", kind, Status.ACKNOWLEDGED);
        NewAlert later = new NewAlert("m", kind, "later", List.of("what happened"));
        Decision d =
                decide(List.of(later), new Facts(List.of(acknowledged), Set.of(new Cause("m", kind, "first"))), ids);
        assertThat(d.raises()).isEmpty();
        assertThat(d.occurrences()).hasSize(1);
        AlertFolding.Occurrences o = d.occurrences().get(0);
        assertThat(o.alert()).isEqualTo(acknowledged);
        assertThat(o.causes()).containsExactly(later);
        assertThat(o.reopen()).as("acknowledging is not resolving").isTrue();
        assertThat(o.details()).containsExactly("what happened");
    }

    @ParameterizedTest
    @MethodSource("foldingKinds")
    void aNewOccurrenceOfAnOpenAlertIsCountedOnItWithoutReopening(AlertKind kind) {
        Unresolved open = new Unresolved(UUID.randomUUID(), "m", kind, Status.OPEN);
        Decision d = decide(
                List.of(new NewAlert("m", kind, "a"), new NewAlert("m", kind, "b")),
                new Facts(List.of(open), Set.of()),
                ids);
        assertThat(d.raises()).isEmpty();
        assertThat(d.occurrences()).singleElement().satisfies(o -> {
            assertThat(o.causes()).extracting(NewAlert::sourceId).containsExactly("a", "b");
            assertThat(o.reopen()).isFalse();
            assertThat(o.details()).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("foldingKinds")
    void withNoUnresolvedAlertTheFirstCauseRaisesOneAndTheOthersOfTheBatchAreItsOccurrences(AlertKind kind) {
        Decision d = decide(
                List.of(
                        new NewAlert("m", kind, "a"),
                        new NewAlert("m", kind, "b", List.of("latest")),
                        new NewAlert("other", kind, "a")),
                new Facts(List.of(), Set.of()),
                ids);
        assertThat(d.occurrences()).isEmpty();
        assertThat(d.raises()).hasSize(2);
        AlertFolding.Raise first = d.raises().get(0);
        assertThat(first.first().sourceId()).isEqualTo("a");
        assertThat(first.occurrences()).isEqualTo(2);
        assertThat(first.details()).containsExactly("latest");
        assertThat(d.raises().get(1).first().memberId()).isEqualTo("other");
        assertThat(d.raises()).extracting(AlertFolding.Raise::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("foldingKinds")
    void aCauseCountedAlreadyOrTwiceInABatchCountsOnce(AlertKind kind) {
        Unresolved acknowledged = new Unresolved(UUID.randomUUID(), "m", kind, Status.ACKNOWLEDGED);
        // The same event again (a redelivery, a replay, a rule evaluated again): nothing reopens.
        assertThat(decide(
                                List.of(new NewAlert("m", kind, "seen")),
                                new Facts(List.of(acknowledged), Set.of(new Cause("m", kind, "seen"))),
                                ids)
                        .isEmpty())
                .isTrue();
        Decision twice = decide(
                List.of(new NewAlert("m", kind, "new"), new NewAlert("m", kind, "new")),
                new Facts(List.of(acknowledged), Set.of()),
                ids);
        assertThat(twice.occurrences())
                .singleElement()
                .satisfies(o -> assertThat(o.causes()).hasSize(1));
    }

    @ParameterizedTest
    @MethodSource("eachCauseKinds")
    void theKindsOfEachCauseRaiseAnAlertPerNewCauseWhateverIsUnresolved(AlertKind kind) {
        Unresolved open = new Unresolved(UUID.randomUUID(), "m", kind, Status.ACKNOWLEDGED);
        Decision d = decide(
                List.of(new NewAlert("m", kind, "a"), new NewAlert("m", kind, "b"), new NewAlert("m", kind, "seen")),
                new Facts(List.of(open), Set.of(new Cause("m", kind, "seen"))),
                ids);
        assertThat(d.occurrences()).isEmpty();
        assertThat(d.raises()).extracting(r -> r.first().sourceId()).containsExactly("a", "b");
        assertThat(d.raises()).allSatisfy(r -> assertThat(r.occurrences()).isEqualTo(1));
    }

    @Test
    void kindsAndMembersFoldApart() {
        Unresolved pain = new Unresolved(UUID.randomUUID(), "m", AlertKind.HIGH_PAIN, Status.ACKNOWLEDGED);
        Decision d = decide(
                List.of(
                        new NewAlert("m", AlertKind.HIGH_PAIN, "session:1"),
                        new NewAlert("m", AlertKind.PAIN_ABOVE_BASELINE, "week:1"),
                        new NewAlert("n", AlertKind.HIGH_PAIN, "session:2")),
                new Facts(List.of(pain), Set.of()),
                ids);
        assertThat(d.occurrences())
                .singleElement()
                .satisfies(o -> assertThat(o.alert()).isEqualTo(pain));
        assertThat(d.raises())
                .extracting(r -> r.first().memberId() + ":" + r.first().kind())
                .containsExactly("m:PAIN_ABOVE_BASELINE", "n:HIGH_PAIN");
    }

    @Test
    void aDecisionIsEmptyOnlyWithoutRaisesAndOccurrences() {
        assertThat(new AlertFolding.Decision(List.of(), List.of()).isEmpty()).isTrue();
        NewAlert pain = new NewAlert("m1", AlertKind.HIGH_PAIN, "session:1");
        AlertFolding.Raise raise = new AlertFolding.Raise(UUID.randomUUID(), pain, List.of(pain));
        AlertFolding.Occurrences occurrences = new AlertFolding.Occurrences(
                new AlertFolding.Unresolved(UUID.randomUUID(), "m1", AlertKind.HIGH_PAIN, AlertFolding.Status.OPEN),
                List.of(pain),
                List.of(),
                false);
        assertThat(new AlertFolding.Decision(List.of(raise), List.of()).isEmpty())
                .isFalse();
        assertThat(new AlertFolding.Decision(List.of(), List.of(occurrences)).isEmpty())
                .isFalse();
    }
}
