package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlFailure;
import org.limber.events.member.PlanAssigned;

/** The exercises of each plan version (PlanAssigned), kept once per version, for the FHIR CarePlan. */
@ApplicationScoped
public class PlanDetailStore {

    /** The plan in force: its version, first day, sessions a week, minutes a session, its sessions' exercises. */
    public record PlanDetail(
            String memberId,
            int planVersion,
            LocalDate startDate,
            int sessionsPerWeek,
            int minutesPerSession,
            String planStatus,
            List<PlanAssigned.Session> sessions) {}

    private static final String INSERT = "insert into plan_detail (member_id, plan_version, start_date,"
            + " minutes_per_session, sessions) values (?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing";
    private static final String IN_FORCE = "select d.member_id, d.plan_version, d.start_date, d.minutes_per_session,"
            + " d.sessions::text as sessions, p.sessions_per_week, " + ProgressReader.PLAN_STATUS + " as plan_status"
            + " from member_profile p join plan_detail d"
            + " on d.member_id = p.member_id and d.plan_version = p.plan_version where p.member_id = ?";
    private static final TypeReference<List<PlanAssigned.Session>> SESSIONS = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public PlanDetailStore(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void store(List<PlanAssigned> plans) {
        if (plans.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(INSERT)) {
            for (PlanAssigned plan : plans) {
                q.setString(1, plan.memberId());
                q.setInt(2, plan.planVersion());
                q.setDate(3, Date.valueOf(plan.startDate()));
                q.setInt(4, Math.max(0, plan.minutesPerSession()));
                q.setString(5, mapper.writeValueAsString(plan.sessions() == null ? List.of() : plan.sessions()));
                q.addBatch();
            }
            q.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plan's sessions could not be written as JSON", e);
        }
    }

    /** The member's plan in force with its exercises, if its PlanAssigned was seen. */
    public Optional<PlanDetail> inForce(String memberId) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(IN_FORCE)) {
            q.setString(1, memberId);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PlanDetail(
                        r.getString("member_id"),
                        r.getInt("plan_version"),
                        r.getDate("start_date").toLocalDate(),
                        r.getInt("sessions_per_week"),
                        r.getInt("minutes_per_session"),
                        r.getString("plan_status"),
                        mapper.readValue(r.getString("sessions"), SESSIONS)));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored plan's sessions could not be read", e);
        }
    }
}
