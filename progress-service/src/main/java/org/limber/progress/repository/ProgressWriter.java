package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlArrays;
import org.limber.common.sql.SqlFailure;
import org.limber.events.member.CareTeamAssigned;
import org.limber.events.member.MemberNeedsReview;
import org.limber.events.member.MemberReferred;
import org.limber.events.member.PlanAssigned;
import org.limber.events.member.PlanResumed;
import org.limber.events.member.PlanSuspended;

import static org.limber.progress.repository.Rows.byMember;
import static org.limber.progress.repository.Rows.timestamp;

/**
 * Set-based writes of members' profiles (plans, intakes, care-team assignments, plan status): each method is
 * one or two batched statements for a whole batch, in member order, inside the caller's transaction.
 * Redeliveries change nothing: plans are applied by version, assignments and plan status by their sequence.
 */
@ApplicationScoped
public class ProgressWriter {

    /**
     * The clinician named by an event without an assignment sequence (PlanAssigned, MemberReferred,
     * MemberNeedsReview): taken only while no CareTeamAssigned has been seen for the member (the
     * history from before assignments were events of their own), the newest by when it happened, and
     * never to clear one (only an assignment unassigns). Appended to an upsert's {@code do update set}.
     */
    private static final String CLINICIAN_HINT = """
                clinician_id      = case when p.care_team_seq is null and excluded.clinician_hint_at is not null
                                              and excluded.clinician_hint_at >= coalesce(p.clinician_hint_at, '-infinity')
                                         then excluded.clinician_id else p.clinician_id end,
                clinician_hint_at = case when p.care_team_seq is null and excluded.clinician_hint_at is not null
                                         then greatest(p.clinician_hint_at, excluded.clinician_hint_at) else p.clinician_hint_at end,
                updated_at        = now()
            """;

    private static final String INSERT_PRESCRIPTION = """
            insert into plan_prescription (member_id, plan_version, effective_from, sessions_per_week)
            values (?, ?, ?, ?) on conflict do nothing
            """;

    /**
     * A plan version: the highest version wins; its clinician is only a hint (see {@link #CLINICIAN_HINT}).
     * {@code plan_at} is when the version in force was first assigned (a re-send of it moves nothing).
     */
    private static final String UPSERT_PLAN = """
            insert into member_profile as p (member_id, plan_version, sessions_per_week, baseline_pain, conditions, clinician_id,
                                        clinician_hint_at, plan_start, first_plan_start, plan_at, updated_at)
            values (?, ?, ?, ?, ?, ?, case when ?::text is null then null else ?::timestamptz end, ?, ?, ?, now())
            on conflict (member_id) do update set
                plan_version      = greatest(coalesce(p.plan_version, 0), excluded.plan_version),
                sessions_per_week = case when excluded.plan_version >= coalesce(p.plan_version, 0)
                                         then excluded.sessions_per_week else p.sessions_per_week end,
                conditions        = case when excluded.plan_version >= coalesce(p.plan_version, 0)
                                         then excluded.conditions else p.conditions end,
                plan_start        = case when excluded.plan_version >= coalesce(p.plan_version, 0)
                                         then excluded.plan_start else p.plan_start end,
                plan_at           = case when excluded.plan_version > coalesce(p.plan_version, 0) then excluded.plan_at
                                         when excluded.plan_version = p.plan_version then least(p.plan_at, excluded.plan_at)
                                         else p.plan_at end,
                baseline_pain     = coalesce(p.baseline_pain, excluded.baseline_pain),
                first_plan_start  = least(coalesce(p.first_plan_start, excluded.first_plan_start), excluded.first_plan_start),
            """ + CLINICIAN_HINT;

    /** A referral or a review at intake: when (referrals), and the clinician it names as a hint. */
    private static final String UPSERT_INTAKE = """
            insert into member_profile as p (member_id, referred_at, clinician_id, clinician_hint_at, updated_at)
            values (?, ?, ?, case when ?::text is null then null else ?::timestamptz end, now())
            on conflict (member_id) do update set
                referred_at = greatest(p.referred_at, excluded.referred_at),
            """ + CLINICIAN_HINT;

    /** A care-team assignment: the highest sequence wins, whatever the order batches commit in; an older one changes nothing. */
    private static final String UPSERT_ASSIGNMENT = """
            insert into member_profile as p (member_id, clinician_id, care_team_seq, updated_at)
            values (?, ?, ?, now())
            on conflict (member_id) do update set
                clinician_id  = case when excluded.care_team_seq > coalesce(p.care_team_seq, 0) then excluded.clinician_id
                                     else p.clinician_id end,
                care_team_seq = greatest(p.care_team_seq, excluded.care_team_seq),
                updated_at    = now()
            """;

    /**
     * A suspension or resumption: the status of the highest sequence wins; the latest suspension and
     * resumption times are kept whatever the order (they bound the weeks left unassessed).
     */
    private static final String UPSERT_PLAN_STATUS = """
            insert into member_profile as p (member_id, plan_status_seq, suspended, suspension_cause, suspension_flags, suspended_at,
                                             resumed_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, now())
            on conflict (member_id) do update set
                suspended        = case when excluded.plan_status_seq > coalesce(p.plan_status_seq, 0) then excluded.suspended
                                        else p.suspended end,
                suspension_cause = case when excluded.plan_status_seq > coalesce(p.plan_status_seq, 0) and excluded.suspended
                                        then excluded.suspension_cause else p.suspension_cause end,
                suspension_flags = case when excluded.plan_status_seq > coalesce(p.plan_status_seq, 0) and excluded.suspended
                                        then excluded.suspension_flags else p.suspension_flags end,
                plan_status_seq  = greatest(p.plan_status_seq, excluded.plan_status_seq),
                suspended_at     = greatest(p.suspended_at, excluded.suspended_at),
                resumed_at       = greatest(p.resumed_at, excluded.resumed_at),
                updated_at       = now()
            """;

    private final AgroalDataSource dataSource;

    public ProgressWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void applyPlans(List<PlanAssigned> plans) {
        if (plans.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement profile = db.prepareStatement(UPSERT_PLAN);
                PreparedStatement prescription = db.prepareStatement(INSERT_PRESCRIPTION)) {
            for (PlanAssigned plan : byMember(plans, PlanAssigned::memberId)) {
                profile.setString(1, plan.memberId());
                profile.setInt(2, plan.planVersion());
                profile.setInt(3, plan.sessionsPerWeek());
                profile.setInt(4, plan.baselinePain());
                SqlArrays.bind(profile, 5, "text", plan.conditions());
                profile.setString(6, plan.clinicianId());
                profile.setString(7, plan.clinicianId());
                profile.setTimestamp(8, timestamp(plan.occurredAt()));
                profile.setDate(9, Date.valueOf(plan.startDate()));
                profile.setDate(10, Date.valueOf(plan.startDate()));
                profile.setTimestamp(11, timestamp(plan.occurredAt()));
                profile.addBatch();
                prescription.setString(1, plan.memberId());
                prescription.setInt(2, plan.planVersion());
                prescription.setDate(3, Date.valueOf(plan.startDate()));
                prescription.setInt(4, plan.sessionsPerWeek());
                prescription.addBatch();
            }
            profile.executeBatch();
            prescription.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Referrals (when, and the clinician named) and reviews (the clinician named) at intake. */
    public void applyIntakes(List<MemberReferred> referrals, List<MemberNeedsReview> reviews) {
        if (referrals.isEmpty() && reviews.isEmpty()) {
            return;
        }
        record Intake(String memberId, Instant referredAt, String clinicianId, Instant at) {}
        List<Intake> intakes = new ArrayList<>();
        referrals.forEach(r -> intakes.add(new Intake(r.memberId(), r.occurredAt(), r.clinicianId(), r.occurredAt())));
        reviews.forEach(r -> intakes.add(new Intake(r.memberId(), null, r.clinicianId(), r.occurredAt())));
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(UPSERT_INTAKE)) {
            for (Intake intake : byMember(intakes, Intake::memberId)) {
                statement.setString(1, intake.memberId());
                statement.setTimestamp(2, timestamp(intake.referredAt()));
                statement.setString(3, intake.clinicianId());
                statement.setString(4, intake.clinicianId());
                statement.setTimestamp(5, timestamp(intake.at()));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Care-team assignments, by their sequence. */
    public void applyAssignments(List<CareTeamAssigned> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(UPSERT_ASSIGNMENT)) {
            for (CareTeamAssigned a : byMember(assignments, CareTeamAssigned::memberId)) {
                statement.setString(1, a.memberId());
                statement.setString(2, a.clinicianId());
                statement.setLong(3, a.sequence());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Suspensions and resumptions, by their shared sequence. */
    public void applyPlanStatus(List<PlanSuspended> suspensions, List<PlanResumed> resumptions) {
        if (suspensions.isEmpty() && resumptions.isEmpty()) {
            return;
        }
        record Status(
                String memberId, long sequence, boolean suspended, String cause, List<String> flags, Instant at) {}
        List<Status> changes = new ArrayList<>();
        suspensions.forEach(e ->
                changes.add(new Status(e.memberId(), e.sequence(), true, e.cause(), e.redFlags(), e.occurredAt())));
        resumptions.forEach(
                e -> changes.add(new Status(e.memberId(), e.sequence(), false, null, null, e.occurredAt())));
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement(UPSERT_PLAN_STATUS)) {
            for (Status c : byMember(changes, Status::memberId)) {
                statement.setString(1, c.memberId());
                statement.setLong(2, c.sequence());
                statement.setBoolean(3, c.suspended());
                statement.setString(4, c.cause());
                SqlArrays.bind(statement, 5, "text", c.flags());
                statement.setTimestamp(6, c.suspended() ? timestamp(c.at()) : null);
                statement.setTimestamp(7, c.suspended() ? null : timestamp(c.at()));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }
}
