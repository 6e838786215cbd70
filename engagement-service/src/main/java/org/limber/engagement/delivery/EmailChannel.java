package org.limber.engagement.delivery;

import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

import org.limber.engagement.domain.ChannelKind;
import org.limber.engagement.repository.DeliveryStore.Claimed;

/** E-mail over SMTP (quarkus-mailer): the notification's title as subject and its text as body, nothing more. */
@ApplicationScoped
public class EmailChannel implements Channel {

    static final String FOOTER = "\n\nOpen Limber to see it. You can change your reminders in the app.\n";

    private final ReactiveMailer mailer;

    public EmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public CompletionStage<Result> send(Claimed delivery) {
        return mailer.send(Mail.withText(
                        delivery.target(), delivery.title() + ": " + delivery.body(), delivery.body() + "." + FOOTER))
                .subscribeAsCompletionStage()
                .handle((ok, failure) -> failure == null
                        ? Result.SENT
                        : Result.retry(failure.getClass().getSimpleName()));
    }
}
