package org.limber.routine.domain.plan;

import java.util.List;
import java.util.function.UnaryOperator;

import org.limber.events.catalog.Category;
import org.limber.events.member.PrescribedDose;

/**
 * A week of sessions built for a member, each item with its reason, and what was left out and why.
 */
public record PlanProposal(List<Session> sessions, List<Exclusion> excluded, List<String> notes) {

    public record Session(int number, List<Item> items, int estimatedSeconds) {

        /** A session of these items, its time the sum of the items that are not paused. */
        public static Session of(int number, List<Item> items) {
            return new Session(
                    number,
                    List.copyOf(items),
                    items.stream()
                            .filter(i -> !i.paused())
                            .mapToInt(Item::estimatedSeconds)
                            .sum());
        }
    }

    /**
     * One exercise of a session. {@code paused} items stay in the plan but are not done;
     * {@code locked} items are not changed by automatic adaptation.
     */
    public record Item(
            String slug,
            int exerciseVersion,
            String name,
            Category category,
            PrescribedDose dose,
            int estimatedSeconds,
            String reason,
            boolean paused,
            boolean locked) {}

    /** An exercise the member will not get, and why. */
    public record Exclusion(String slug, String name, String reason) {}

    /** The numbers of the sessions with no exercise to do (none, or every item paused); a plan must have none. */
    public List<Integer> emptySessions() {
        return sessions.stream()
                .filter(s -> s.items().stream().allMatch(Item::paused))
                .map(Session::number)
                .toList();
    }

    /** Whether an item of {@code slug} is in any session. */
    public boolean contains(String slug) {
        return sessions.stream()
                .anyMatch(s -> s.items().stream().anyMatch(i -> i.slug().equals(slug)));
    }

    /** This plan with every item of {@code slug} replaced, and the sessions' times summed again. */
    public PlanProposal replace(String slug, UnaryOperator<Item> replacement) {
        List<Session> next = sessions.stream()
                .map(s -> {
                    return Session.of(
                            s.number(),
                            s.items().stream()
                                    .map(i -> i.slug().equals(slug) ? replacement.apply(i) : i)
                                    .toList());
                })
                .toList();
        return new PlanProposal(next, excluded, notes);
    }
}
