package org.limber.console.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import org.limber.console.client.EngagementClient;
import org.limber.console.client.EngagementViews.Escalation;
import org.limber.console.client.EngagementViews.Message;
import org.limber.console.client.EngagementViews.MessagePage;
import org.limber.console.client.EngagementViews.ReadUpTo;
import org.limber.console.client.EngagementViews.Reply;
import org.limber.console.client.EngagementViews.Unread;
import org.limber.console.client.EngagementViews.UnreadMember;
import org.limber.console.client.ProgressViews.Alert;
import org.limber.console.domain.Labels;

import static org.limber.console.service.ServiceCalls.call;

/** Messages with members, unread counts and the escalations of urgent alerts, through engagement-service. */
@ApplicationScoped
public class EngagementService {

    static final String ENGAGEMENT = "engagement service";
    /** Messages of a thread on one page of the member page. */
    public static final int THREAD_PAGE = 20;
    /** The most pages of a thread one may ask for (bounded input). */
    public static final int MAX_PAGE = 10_000;

    private static final Logger LOG = Logger.getLogger(EngagementService.class);

    private final EngagementClient engagement;

    public EngagementService(@RestClient EngagementClient engagement) {
        this.engagement = engagement;
    }

    /** A page of the member's thread, newest first. */
    public MessagePage thread(String memberId, int page) {
        return call(ENGAGEMENT, () -> engagement.messages(memberId, page, THREAD_PAGE));
    }

    /**
     * Marks the member's messages of this page read, up to the newest of theirs, when any is unread: the clinician
     * has them on screen. A failure is logged and changes nothing on the page (they stay unread, and count so).
     */
    public void markRead(String memberId, MessagePage page) {
        if (page.unread() == 0 || page.page() != 0) {
            return;
        }
        page.items().stream().filter(Message::fromMember).findFirst().ifPresent(newest -> {
            try {
                ServiceCalls.run(ENGAGEMENT, () -> engagement.read(memberId, new ReadUpTo(newest.id())));
            } catch (ServiceException e) {
                LOG.warnf("Marking messages read failed: %d", e.problem().status());
            }
        });
    }

    /** Sends the care team's reply; {@code id} the form's idempotency key (a new one if the form had none). */
    public Message reply(String memberId, String id, String text) {
        String key = id == null ? UUID.randomUUID().toString() : id;
        return call(ENGAGEMENT, () -> engagement.send(memberId, new Reply(key, text)));
    }

    /** The panel's unread messages (flagged first, then newest). */
    public Unread unread() {
        Unread u = call(ENGAGEMENT, engagement::unread);
        return new Unread(u.total(), u.members() == null ? List.of() : u.members());
    }

    /** The unread messages of each member, by member id. */
    public static Map<String, UnreadMember> byMember(Unread unread) {
        Map<String, UnreadMember> by = new HashMap<>();
        unread.members().forEach(m -> by.put(m.memberId(), m));
        return by;
    }

    /** The escalations of a member's alerts, by alert id, oldest first (one call). */
    public Map<UUID, List<Escalation>> memberEscalations(String memberId) {
        return byAlert(call(ENGAGEMENT, () -> engagement.memberEscalations(memberId)));
    }

    /**
     * The escalations of the alerts shown, by alert id: only urgent and emergency alerts escalate, so only theirs
     * are asked for (one call each, at most a page of alerts).
     */
    public Map<UUID, List<Escalation>> escalations(Collection<Alert> alerts) {
        Map<UUID, List<Escalation>> by = new LinkedHashMap<>();
        for (Alert a : alerts) {
            if (Labels.urgency(a.severity()) >= Labels.urgency("URGENT")) {
                by.put(a.id(), sorted(call(ENGAGEMENT, () -> engagement.escalations(a.id().toString()))));
            }
        }
        return by;
    }

    static Map<UUID, List<Escalation>> byAlert(List<Escalation> rows) {
        Map<UUID, List<Escalation>> by = new LinkedHashMap<>();
        for (Escalation e : sorted(rows)) {
            UUID alert = uuid(e.alertId());
            if (alert != null) {
                by.computeIfAbsent(alert, k -> new ArrayList<>()).add(e);
            }
        }
        return by;
    }

    private static UUID uuid(String raw) {
        try {
            return raw == null ? null : UUID.fromString(raw);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static List<Escalation> sorted(List<Escalation> rows) {
        if (rows == null) {
            return List.of();
        }
        List<Escalation> out = new ArrayList<>(rows);
        out.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return out;
    }
}
