package org.limber.engagement.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.domain.Notification;
import org.limber.engagement.domain.RedFlagWords;
import org.limber.engagement.repository.DeliveryStore;
import org.limber.engagement.repository.MemberStore;
import org.limber.engagement.repository.MessageStore;
import org.limber.engagement.repository.MessageStore.Row;
import org.limber.engagement.repository.ReminderStore;

/**
 * The thread between a member and their care team. Who may read a member's thread as care team: the clinician
 * the member is assigned to (routine's CareTeamAssigned) and any admin; another clinician is told the thread does
 * not exist (404), as for any member not on their panel. A new message notifies the other side (no content in
 * the notification): the member over the channels of their reminder settings (push when none), the clinician
 * (the triage clinicians when the member has none) by push and e-mail.
 */
@ApplicationScoped
public class MessageService {

    public static final String MEMBER = "MEMBER";
    public static final String CLINICIAN = "CLINICIAN";
    public static final int MAX_UNREAD_THREADS = 200;

    /** Who is calling: their id, name and whether admin. */
    public record Caller(String id, String name, boolean admin) {}

    /** A page of the thread with the unread messages of the other side. */
    public record Thread(List<Row> items, long total, int page, int size, long unread) {}

    private final MessageStore messages;
    private final MemberStore members;
    private final ReminderStore reminders;
    private final Notifier notifier;
    private final DeliveryStore deliveries;
    private final Triage triage;
    private final Clock clock;

    public MessageService(
            MessageStore messages,
            MemberStore members,
            ReminderStore reminders,
            Notifier notifier,
            DeliveryStore deliveries,
            Triage triage,
            Clock clock) {
        this.messages = messages;
        this.members = members;
        this.reminders = reminders;
        this.notifier = notifier;
        this.deliveries = deliveries;
        this.triage = triage;
        this.clock = clock;
    }

    public Thread thread(String memberId, String reader, int page, int size) {
        String otherSide = MEMBER.equals(reader) ? CLINICIAN : MEMBER;
        return new Thread(
                messages.page(memberId, page, size),
                messages.count(memberId),
                page,
                size,
                messages.unread(memberId, otherSide));
    }

    /** A member's message; the stored one again when its id was sent before. */
    @Transactional
    public Row fromMember(Caller member, UUID id, String text) {
        Row row = new Row(
                idOr(id),
                member.id(),
                MEMBER,
                member.id(),
                member.name(),
                text,
                Timestamps.now(clock),
                null,
                RedFlagWords.matches(text));
        Row stored = messages.add(row);
        checkSameThread(stored, member.id(), MEMBER);
        if (stored == row) {
            Optional<String> clinician = members.find(member.id()).map(MemberStore.Plan::clinicianId);
            List<String> to = clinician.map(List::of).orElseGet(triage::triage);
            deliveries.add(
                    notifier.plan(Notifier.toAll(to, Notification.MESSAGE)).deliveries(), stored.sentAt());
        }
        return stored;
    }

    /** A care-team message to a member of the caller's panel. */
    @Transactional
    public Row fromCareTeam(Caller staff, String memberId, UUID id, String text) {
        checkPanel(staff, memberId);
        Row row = new Row(
                idOr(id), memberId, CLINICIAN, staff.id(), staff.name(), text, Timestamps.now(clock), null, false);
        Row stored = messages.add(row);
        checkSameThread(stored, memberId, CLINICIAN);
        if (stored == row) {
            var channels = reminders
                    .find(memberId)
                    .map(s -> s.settings().channels())
                    .filter(c -> !c.isEmpty())
                    .orElse(java.util.Set.of(ChannelKind.PUSH));
            deliveries.add(
                    notifier.plan(List.of(new Notifier.Request(memberId, Notification.MESSAGE, channels)))
                            .deliveries(),
                    stored.sentAt());
        }
        return stored;
    }

    /** Marks the other side's messages up to {@code upTo} read. */
    public void markRead(String memberId, String reader, UUID upTo) {
        Row row = messages.find(upTo)
                .filter(m -> m.memberId().equals(memberId))
                .orElseThrow(() -> ProblemException.badParameter("upTo", "is not a message of this thread"));
        messages.markRead(memberId, MEMBER.equals(reader) ? CLINICIAN : MEMBER, row, Timestamps.now(clock));
    }

    public List<MessageStore.Unread> unread(Caller staff) {
        return messages.unreadThreads(staff.admin() ? null : staff.id(), MAX_UNREAD_THREADS);
    }

    /** A clinician may see only the members on their panel (404 otherwise); an admin any member. */
    public void checkPanel(Caller staff, String memberId) {
        if (staff.admin()) {
            return;
        }
        boolean onPanel = members.find(memberId)
                .map(MemberStore.Plan::clinicianId)
                .filter(staff.id()::equals)
                .isPresent();
        if (!onPanel) {
            throw ProblemException.notFound("There is no member " + memberId + " on your panel.");
        }
    }

    private static UUID idOr(UUID id) {
        return id == null ? UUID.randomUUID() : id;
    }

    /** A retried id must be the same author's message in the same thread; another's id is a conflict. */
    private static void checkSameThread(Row stored, String memberId, String author) {
        if (!stored.memberId().equals(memberId) || !stored.author().equals(author)) {
            throw ProblemException.conflict("The message id is taken by another message.");
        }
    }
}
