package org.limber.progress.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.SessionCompleted;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.messaging.AlertEvents;
import org.limber.progress.repository.ProgressWriter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of member events to the read models in one transaction: plans, referrals and
 * sessions with set-based statements, then the alerts they call for, the plan weeks due for an
 * assessment, and their events.
 */
@ApplicationScoped
public class Ingestor {

    private static final Logger LOG = Logger.getLogger(Ingestor.class);

    /** The events of one batch, by type, in arrival order. */
    public record Batch(List<PlanAssigned> plans, List<MemberReferred> referrals, List<SessionCompleted> sessions) {

        public int size() {
            return plans.size() + referrals.size() + sessions.size();
        }
    }

    private final ProgressWriter writer;
    private final AlertPolicy policy;
    private final AlertEvents events;
    private final Assessor assessor;
    private final Counter consumed;

    public Ingestor(ProgressWriter writer, AlertPolicy policy, AlertEvents events, Assessor assessor, MeterRegistry registry) {
        this.writer = writer;
        this.policy = policy;
        this.events = events;
        this.assessor = assessor;
        this.consumed = registry.counter("limber.events.consumed", "service", "progress");
    }

    /** Applies the batch and commits; throws if the database refused it (nothing of it is kept then). */
    public List<RaisedAlert> ingest(Batch batch) {
        long start = System.nanoTime();
        List<RaisedAlert> raised = QuarkusTransaction.requiringNew().call(() -> apply(batch));
        consumed.increment(batch.size());
        LOG.debugf("Applied %d events (%d sessions) in %.1f ms, %d alerts raised", batch.size(), batch.sessions().size(),
                (System.nanoTime() - start) / 1e6, raised.size());
        return raised;
    }

    private List<RaisedAlert> apply(Batch batch) throws SQLException {
        writer.applyPlans(batch.plans());
        writer.applyReferrals(batch.referrals());
        List<NewAlert> alerts = new ArrayList<>();
        batch.referrals().forEach(r -> alerts.add(new NewAlert(r.memberId(), AlertKind.REFERRAL, "intake:" + r.intakeId())));
        ProgressWriter.SessionsApplied applied = writer.applySessions(batch.sessions(), policy.rules());
        for (ProgressWriter.NewSession s : applied.sessions()) {
            for (AlertKind kind : policy.forSession(s.painBefore(), s.painDuring(), s.painAfter(), s.redFlags())) {
                alerts.add(new NewAlert(s.memberId(), kind, "session:" + s.sessionId()));
            }
        }
        for (ProgressWriter.ChangedWeek week : applied.weeks()) {
            if (policy.painAboveBaseline(week.sessions(), week.sumPainBefore(), week.baselinePain())) {
                alerts.add(new NewAlert(week.memberId(), AlertKind.PAIN_ABOVE_BASELINE, "week:" + week.weekStart()));
            }
        }
        writer.resolveInactive(applied.members());
        assessor.afterSessions(batch.sessions());
        List<RaisedAlert> raised = writer.raise(alerts, policy.rules());
        events.raised(raised);
        return raised;
    }
}
