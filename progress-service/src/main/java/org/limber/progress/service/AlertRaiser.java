package org.limber.progress.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.limber.progress.domain.AlertFolding;
import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.repository.AlertStore;

/**
 * Takes the alerts the rules call for into the member's alerts, in the caller's transaction: the store
 * reads the facts, {@link AlertFolding} decides, the store writes. A raise the database refuses
 * (another transaction raised one of the kind for the member meanwhile, during a rebalance) is decided
 * again on the facts that transaction committed, so that its cause becomes an occurrence rather than
 * vanish.
 */
@ApplicationScoped
public class AlertRaiser {

    private static final Logger LOG = Logger.getLogger(AlertRaiser.class);

    /** Decisions made again for refused raises: the first refusal waits for the other transaction's commit. */
    private static final int ROUNDS = 3;

    private final AlertStore store;
    private final AlertPolicy policy;

    public AlertRaiser(AlertStore store, AlertPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** Stores the candidates' outcome; returns the alerts to publish (new ones, and acknowledged ones reopened). */
    public List<RaisedAlert> raise(Collection<NewAlert> candidates) {
        Collection<NewAlert> pending = candidates;
        List<RaisedAlert> published = new ArrayList<>();
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            AlertFolding.Decision decision =
                    AlertFolding.decide(pending, store.facts(pending), policy.rules(), UUID::randomUUID);
            if (decision.isEmpty()) {
                break;
            }
            AlertStore.Applied applied = store.apply(decision, policy);
            published.addAll(applied.published());
            pending =
                    applied.refused().stream().flatMap(r -> r.causes().stream()).toList();
        }
        if (!pending.isEmpty()) {
            LOG.warnf("%d alert causes still refused after %d rounds; they are not counted", pending.size(), ROUNDS);
        }
        return published;
    }
}
