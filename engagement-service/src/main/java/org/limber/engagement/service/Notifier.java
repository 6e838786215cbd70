package org.limber.engagement.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.domain.Notification;
import org.limber.engagement.repository.ContactStore;
import org.limber.engagement.repository.DeliveryStore.NewDelivery;
import org.limber.engagement.repository.SubscriptionStore;
import org.limber.engagement.repository.SubscriptionStore.Subscription;

/**
 * Turns "tell these people this" into deliveries: one per push subscription (when PUSH is wanted) and one per
 * e-mail address (when EMAIL is wanted), looked up for all recipients at once. The deliveries are written by
 * the caller in its own transaction and sent later by {@link DeliveryService}.
 */
@ApplicationScoped
public class Notifier {

    /** One notification for one user over the channels wanted. */
    public record Request(String userId, Notification notification, Set<ChannelKind> channels) {}

    /** The deliveries, with how many users they reach and over which channels. */
    public record Planned(List<NewDelivery> deliveries, int recipients, Set<String> channels) {}

    private final SubscriptionStore subscriptions;
    private final ContactStore contacts;

    public Notifier(SubscriptionStore subscriptions, ContactStore contacts) {
        this.subscriptions = subscriptions;
        this.contacts = contacts;
    }

    public Planned plan(List<Request> requests) {
        Set<String> pushUsers = users(requests, ChannelKind.PUSH);
        Set<String> mailUsers = users(requests, ChannelKind.EMAIL);
        Map<String, List<Subscription>> subs = pushUsers.isEmpty()
                ? Map.of()
                : subscriptions.of(pushUsers).stream().collect(Collectors.groupingBy(Subscription::userId));
        Map<String, String> emails = mailUsers.isEmpty() ? Map.of() : contacts.emails(mailUsers);
        List<NewDelivery> deliveries = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        Set<String> channels = new TreeSet<>();
        for (Request r : requests) {
            Notification n = r.notification();
            if (r.channels().contains(ChannelKind.PUSH)) {
                for (Subscription s : subs.getOrDefault(r.userId(), List.of())) {
                    deliveries.add(new NewDelivery(r.userId(), "PUSH", s.endpoint(), n.name(), n.title, n.body));
                    reached.add(r.userId());
                    channels.add("PUSH");
                }
            }
            String email = emails.get(r.userId());
            if (r.channels().contains(ChannelKind.EMAIL) && email != null) {
                deliveries.add(new NewDelivery(r.userId(), "EMAIL", email, n.name(), n.title, n.body));
                reached.add(r.userId());
                channels.add("EMAIL");
            }
        }
        return new Planned(deliveries, reached.size(), channels);
    }

    /** Every channel. */
    public static Set<ChannelKind> all() {
        return Set.of(ChannelKind.PUSH, ChannelKind.EMAIL);
    }

    public static List<Request> toAll(Collection<String> userIds, Notification n) {
        return userIds.stream().distinct().map(u -> new Request(u, n, all())).toList();
    }

    private static Set<String> users(List<Request> requests, ChannelKind kind) {
        return requests.stream()
                .filter(r -> r.channels().contains(kind))
                .map(Request::userId)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
