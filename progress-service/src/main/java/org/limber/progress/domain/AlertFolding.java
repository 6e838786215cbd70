package org.limber.progress.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What becomes of the alerts the rules call for, given the member's alerts: the fold rule. Pure: the
 * store reads the facts (the unresolved alert of each kind, the causes already counted) and writes
 * the outcome; the decision is made here.
 *
 * <ul>
 *   <li><b>Once per cause.</b> A cause (a session, a report, an intake, a week, a day, an event) that
 *       an alert of its kind already counts, or that comes twice in one batch, counts once: the same
 *       event twice has the effect of once.
 *   <li><b>Kinds whose rule says {@code eachCause}</b> (red flags, referrals, intake reviews): every new
 *       cause raises an alert of its own, even while one of the kind is unresolved, so that a second
 *       red flag is never folded into, or hidden behind, the first.
 *   <li><b>The other kinds fold</b>: a member has at most one unresolved alert of the kind, and a new
 *       cause is an <em>occurrence</em> of it (its count and the time of its latest occurrence go up).
 *       With none unresolved the first new cause raises one (the others of the same batch are its
 *       further occurrences); a resolved alert is history, so a new cause then raises a new alert.
 *   <li><b>An acknowledged alert reopens</b> ({@code OPEN}) with a new occurrence, and is published
 *       again. Clinical reason: acknowledging is not resolving. The clinician acknowledged the
 *       occurrences they saw (a pain of 8); a later one (a pain of 9 weeks after) is news they have not
 *       seen, and an alert that stays acknowledged would hide it behind their earlier note. An alert
 *       still {@code OPEN} is in front of the clinician already: a new occurrence is counted on it and
 *       not published again.
 * </ul>
 */
public final class AlertFolding {

    private AlertFolding() {}

    /** The states of an alert that is not resolved. */
    public enum Status {
        OPEN,
        ACKNOWLEDGED
    }

    /** A member's unresolved alert of a kind that folds (at most one per member and kind). */
    public record Unresolved(UUID id, String memberId, AlertKind kind, Status status) {}

    /** A cause of an alert: what happened, for whom, and the kind of alert it called for. */
    public record Cause(String memberId, AlertKind kind, String sourceId) {

        public static Cause of(NewAlert alert) {
            return new Cause(alert.memberId(), alert.kind(), alert.sourceId());
        }
    }

    /** What the store knows: the unresolved alerts of the candidates' folding kinds, and which causes are counted already. */
    public record Facts(Collection<Unresolved> unresolved, Set<Cause> counted) {}

    /** A new alert with its id: its first cause, and every cause it stands for (the first included). */
    public record Raise(UUID id, NewAlert first, List<NewAlert> causes) {

        public int occurrences() {
            return causes.size();
        }

        /** The details of its latest cause that has any. */
        public List<String> details() {
            return latestDetails(causes);
        }
    }

    /**
     * New occurrences of an unresolved alert: their causes, the details of the latest that has any
     * (empty: keep the alert's), and whether it reopens (it was acknowledged).
     */
    public record Occurrences(Unresolved alert, List<NewAlert> causes, List<String> details, boolean reopen) {}

    public record Decision(List<Raise> raises, List<Occurrences> occurrences) {

        public boolean isEmpty() {
            return raises.isEmpty() && occurrences.isEmpty();
        }
    }

    /** Decides, for the candidates in the order they came, which raise an alert and which are occurrences of one. */
    public static Decision decide(Collection<NewAlert> candidates, Facts facts, AlertRules rules, Supplier<UUID> ids) {
        Map<Cause, Unresolved> unresolved = new LinkedHashMap<>();
        for (Unresolved u : facts.unresolved()) {
            unresolved.put(new Cause(u.memberId(), u.kind(), null), u);
        }
        Set<Cause> seen = new HashSet<>(facts.counted());
        List<Raise> raises = new ArrayList<>();
        // By member and kind (of the kinds that fold): the raise this batch makes, or the unresolved alert's
        // occurrences.
        Map<Cause, Raise> raisedNow = new LinkedHashMap<>();
        Map<Cause, List<NewAlert>> occurring = new LinkedHashMap<>();
        for (NewAlert candidate : candidates) {
            if (!seen.add(Cause.of(candidate))) {
                continue; // counted already: a redelivery, a replay, a scheduled rule evaluated again
            }
            if (!rules.rule(candidate.kind()).folds()) {
                raises.add(new Raise(ids.get(), candidate, List.of(candidate)));
                continue;
            }
            Cause kind = new Cause(candidate.memberId(), candidate.kind(), null);
            if (unresolved.containsKey(kind)) {
                occurring.computeIfAbsent(kind, k -> new ArrayList<>()).add(candidate);
            } else if (raisedNow.containsKey(kind)) {
                raisedNow.get(kind).causes().add(candidate);
            } else {
                List<NewAlert> causes = new ArrayList<>();
                causes.add(candidate);
                Raise raise = new Raise(ids.get(), candidate, causes);
                raisedNow.put(kind, raise);
                raises.add(raise);
            }
        }
        List<Occurrences> occurrences = new ArrayList<>();
        occurring.forEach((kind, causes) -> {
            Unresolved alert = unresolved.get(kind);
            occurrences.add(new Occurrences(
                    alert, List.copyOf(causes), latestDetails(causes), alert.status() == Status.ACKNOWLEDGED));
        });
        return new Decision(
                raises.stream()
                        .map(r -> new Raise(r.id(), r.first(), List.copyOf(r.causes())))
                        .toList(),
                occurrences);
    }

    private static List<String> latestDetails(List<NewAlert> causes) {
        return causes.stream()
                .map(NewAlert::details)
                .filter(d -> !d.isEmpty())
                .reduce((a, b) -> b)
                .orElse(List.of());
    }
}
