package org.limber.console.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.limber.console.client.AuditClient;
import org.limber.console.client.Page;
import org.limber.console.client.PrivacyClient;
import org.limber.console.client.PrivacyViews.AccessEntry;
import org.limber.console.client.PrivacyViews.Erasure;
import org.limber.console.client.PrivacyViews.HoldRequest;
import org.limber.console.client.PrivacyViews.LegalHold;

import static org.limber.console.service.ServiceCalls.call;
import static org.limber.console.service.ServiceCalls.run;

/** Admins' privacy work: the access audit (progress-service), erasures and legal holds (routine-service). */
@ApplicationScoped
public class PrivacyService {

    private final AuditClient audit;
    private final PrivacyClient privacy;

    public PrivacyService(@RestClient AuditClient audit, @RestClient PrivacyClient privacy) {
        this.audit = audit;
        this.privacy = privacy;
    }

    /** One page of the access audit; every filter may be null. */
    public Page<AccessEntry> access(AuditFilter f, int page, int size) {
        return call(CareService.PROGRESS, () -> audit.access(f.memberId(), f.actorId(), f.from(), f.to(), page, size));
    }

    /** The audit's filters as sent: ids, and instants written in ISO-8601. */
    public record AuditFilter(String memberId, String actorId, String from, String to) {}

    public Page<Erasure> erasures(String status, int page, int size) {
        return call(CareService.ROUTINE, () -> privacy.erasures(status, page, size));
    }

    public Page<LegalHold> holds(int page, int size) {
        return call(CareService.ROUTINE, () -> privacy.holds(page, size));
    }

    public LegalHold placeHold(String memberId, String reason) {
        return call(CareService.ROUTINE, () -> privacy.placeHold(memberId, new HoldRequest(reason)));
    }

    public void releaseHold(String memberId) {
        run(CareService.ROUTINE, () -> privacy.releaseHold(memberId));
    }
}
