package org.limber.engagement.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.limber.engagement.domain.RedFlagWords;
import org.limber.engagement.repository.MessageStore;
import org.limber.engagement.service.MessageService;

/** The request and response bodies of messages. */
final class MessageViews {

    private MessageViews() {}

    /** A new message: an optional id (the idempotency key) and 1 to 2,000 characters. */
    record NewMessage(
            UUID id, @NotNull @Size(min = 1, max = 2000) String text) {}

    /** Marks the other side's messages read up to this one. */
    record ReadUpTo(@NotNull UUID upTo) {}

    record Pointer(String text, String href) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(
            UUID id,
            String memberId,
            String author,
            String authorId,
            String authorName,
            String text,
            Instant sentAt,
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant readAt,
            boolean flagged,
            Pointer pointer,
            String notice) {

        static Message of(MessageStore.Row m) {
            return new Message(
                    m.id(),
                    m.memberId(),
                    m.author(),
                    m.authorId(),
                    m.authorName(),
                    m.text(),
                    m.sentAt(),
                    m.readAt(),
                    m.flagged(),
                    null,
                    null);
        }

        /** A member's message as answered to the member: the notice, and the pointer when it has red-flag words. */
        static Message toMember(MessageStore.Row m) {
            Pointer pointer = m.flagged() ? new Pointer(RedFlagWords.POINTER_TEXT, RedFlagWords.POINTER_HREF) : null;
            return new Message(
                    m.id(),
                    m.memberId(),
                    m.author(),
                    m.authorId(),
                    m.authorName(),
                    m.text(),
                    m.sentAt(),
                    m.readAt(),
                    m.flagged(),
                    pointer,
                    RedFlagWords.NOTICE);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessagePage(List<Message> items, long total, int page, int size, long unread, String notice) {

        static MessagePage of(MessageService.Thread t, boolean member) {
            return new MessagePage(
                    t.items().stream().map(Message::of).toList(),
                    t.total(),
                    t.page(),
                    t.size(),
                    t.unread(),
                    member ? RedFlagWords.NOTICE : null);
        }
    }

    record UnreadThread(String memberId, int unread, boolean flagged, Instant lastAt) {}

    record UnreadSummary(long total, List<UnreadThread> members) {

        static UnreadSummary of(List<MessageStore.Unread> rows) {
            return new UnreadSummary(
                    rows.stream().mapToLong(MessageStore.Unread::unread).sum(),
                    rows.stream()
                            .map(u -> new UnreadThread(u.memberId(), u.unread(), u.flagged(), u.lastAt()))
                            .toList());
        }
    }
}
