package org.limber.routine.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import org.limber.common.messaging.EventIntake;
import org.limber.common.time.Timestamps;
import org.limber.routine.client.KeycloakAdmin;
import org.limber.routine.config.DirectoryConfig;
import org.limber.routine.domain.privacy.Erasure;
import org.limber.routine.repository.ErasureRepository;
import org.limber.routine.repository.RoutineRowsEraser;

/**
 * The last step of an erasure: the member's Keycloak account deleted, as the {@code limber-provisioning}
 * client's service account, once progress and engagement have reported. A failure (Keycloak
 * unreachable) is noted on the request and tried again by {@link #retry} every
 * {@code limber.privacy.erasure-retry}, so it is never lost, across restarts too. Keycloak's 404 (the
 * account is gone already) counts as done.
 */
@ApplicationScoped
public class ErasureAccounts {

    private static final Logger LOG = Logger.getLogger(ErasureAccounts.class);
    private static final int BATCH = 20;

    private final ErasureRepository erasures;
    private final RoutineRowsEraser eraser;
    private final KeycloakAdmin keycloak;
    private final OidcClients clients;
    private final DirectoryConfig directory;
    private final Clock clock;
    private final Duration retryAfter;

    public ErasureAccounts(
            ErasureRepository erasures,
            RoutineRowsEraser eraser,
            @RestClient KeycloakAdmin keycloak,
            OidcClients clients,
            DirectoryConfig directory,
            Clock clock,
            @ConfigProperty(name = "limber.privacy.erasure-retry", defaultValue = "30s") Duration retryAfter) {
        this.erasures = erasures;
        this.eraser = eraser;
        this.keycloak = keycloak;
        this.clients = clients;
        this.directory = directory;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** Deletes the account of the request's member and completes the request; false if that failed (retried). */
    public boolean deleteAccount(String pseudonym) {
        Optional<String> memberId = QuarkusTransaction.requiringNew().call(() -> erasures.memberId(pseudonym));
        if (memberId.isEmpty()) {
            return true;
        }
        try {
            String bearer = "Bearer "
                    + clients.getClient("provisioning")
                            .getTokens()
                            .await()
                            .atMost(Duration.ofSeconds(10))
                            .getAccessToken();
            try {
                keycloak.deleteUser(bearer, directory.realm(), memberId.get());
            } catch (WebApplicationException e) {
                if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            String error = EventIntake.rootMessage(e);
            LOG.warnf("Deleting the account of erased member %s failed (%s); retried later", pseudonym, error);
            QuarkusTransaction.requiringNew()
                    .run(() -> erasures.attemptFailed(pseudonym, Erasure.KEYCLOAK, Timestamps.now(clock), error));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> complete(pseudonym, memberId.get()));
        return true;
    }

    private void complete(String pseudonym, String memberId) {
        erasures.lock(pseudonym);
        Instant now = Timestamps.now(clock);
        if (erasures.markDone(pseudonym, Erasure.KEYCLOAK, now)) {
            int relayed = eraser.deleteRelayedEvents(memberId);
            erasures.complete(pseudonym, now);
            LOG.infof("Erasure of %s completed (%d relayed events deleted)", pseudonym, relayed);
        }
    }

    /** Tries again the accounts whose deletion failed (or was interrupted by a restart). */
    @Scheduled(
            every = "${limber.privacy.erasure-retry:30s}",
            delayed = "${limber.privacy.erasure-retry:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        Instant before = Timestamps.now(clock).minus(retryAfter);
        List<String> due = QuarkusTransaction.requiringNew().call(() -> erasures.awaitingAccount(before, BATCH));
        for (String pseudonym : due) {
            deleteAccount(pseudonym);
        }
    }
}
