package org.limber.engagement.delivery;

import java.util.concurrent.CompletionStage;

import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.repository.DeliveryStore.Claimed;

/** One way of delivering a notification (Web Push, e-mail). Never throws: every outcome is a {@link Result}. */
public interface Channel {

    ChannelKind kind();

    CompletionStage<Result> send(Claimed delivery);

    /** What became of one delivery. */
    record Result(Status status, String error) {

        public static final Result SENT = new Result(Status.SENT, null);

        public static Result retry(String error) {
            return new Result(Status.RETRY, error);
        }

        public static Result gone(String error) {
            return new Result(Status.GONE, error);
        }

        public static Result failed(String error) {
            return new Result(Status.FAILED, error);
        }
    }

    enum Status {
        /** Taken by the push service or the SMTP server. */
        SENT,
        /** The push subscription no longer exists (404, 410): it is removed. */
        GONE,
        /** A passing failure (time-out, 429, 5xx, connection refused): tried again after a back-off. */
        RETRY,
        /** The request is refused for good (another 4xx). */
        FAILED
    }
}
