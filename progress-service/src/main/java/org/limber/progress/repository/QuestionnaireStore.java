package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlArrays;
import org.limber.common.sql.SqlFailure;
import org.limber.events.member.QuestionnaireCompleted;

/** Questionnaire responses: each kept once by its response id; read back for the trend, the risk and FHIR. */
@ApplicationScoped
public class QuestionnaireStore {

    /** A stored response. {@code linkIds[i]} was answered {@code values[i]}. */
    public record Response(
            String memberId,
            UUID responseId,
            String questionnaire,
            String canonical,
            String timepoint,
            Instant authoredAt,
            List<String> linkIds,
            List<Integer> values,
            double score,
            Integer subscale,
            String riskGroup) {}

    /** The STarT Back risk group of the member {@code p}, from their newest response (a column of the panel reads). */
    public static final String STARTBACK_RISK = "(select q.risk_group from questionnaire_response q"
            + " where q.member_id = p.member_id and q.questionnaire = 'STARTBACK'"
            + " order by q.authored_at desc limit 1) as startback_risk";

    private static final String INSERT = "insert into questionnaire_response (member_id, response_id, questionnaire,"
            + " canonical, timepoint, authored_at, link_ids, answer_values, score, subscale, risk_group, received_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final String COLUMNS = "member_id, response_id, questionnaire, canonical, timepoint, authored_at,"
            + " link_ids, answer_values, score, subscale, risk_group";
    private static final String BY_MEMBER = "select " + COLUMNS
            + " from questionnaire_response where member_id = ? order by authored_at, response_id limit ?";
    private static final String RISK =
            "select distinct on (member_id) member_id, risk_group from questionnaire_response"
                    + " where member_id = any(?) and questionnaire = 'STARTBACK' order by member_id, authored_at desc";

    private final AgroalDataSource dataSource;

    public QuestionnaireStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the responses not seen before, with the risk group given (which may differ from the event's); returns
     * whether it was new.
     */
    public boolean store(QuestionnaireCompleted e, String riskGroup, Instant receivedAt) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(INSERT)) {
            q.setString(1, e.memberId());
            q.setObject(2, e.responseId());
            q.setString(3, e.questionnaire());
            q.setString(4, e.canonical());
            q.setString(5, e.timepoint());
            q.setTimestamp(6, Timestamp.from(e.authoredAt()));
            SqlArrays.bind(
                    q,
                    7,
                    "text",
                    e.answers().stream()
                            .map(QuestionnaireCompleted.Answer::linkId)
                            .toList());
            SqlArrays.bind(
                    q,
                    8,
                    "int4",
                    e.answers().stream()
                            .map(QuestionnaireCompleted.Answer::value)
                            .toList());
            q.setDouble(9, e.score());
            if (e.subscale() == null) {
                q.setNull(10, Types.SMALLINT);
            } else {
                q.setInt(10, e.subscale());
            }
            q.setString(11, riskGroup);
            q.setTimestamp(12, Timestamp.from(receivedAt));
            return q.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    /** A member's responses, oldest first, at most {@code limit}. */
    public List<Response> responses(String memberId, int limit) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(BY_MEMBER)) {
            q.setString(1, memberId);
            q.setInt(2, limit);
            List<Response> result = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.add(response(r));
                }
            }
            return result;
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    /** Each member's STarT Back risk group from their newest STarT Back response (members without one are absent). */
    public Map<String, String> riskGroups(Collection<String> memberIds) {
        Map<String, String> result = new HashMap<>();
        if (memberIds.isEmpty()) {
            return result;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(RISK)) {
            SqlArrays.bind(q, 1, "text", memberIds);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    result.put(r.getString("member_id"), r.getString("risk_group"));
                }
            }
            return result;
        } catch (SQLException ex) {
            throw new SqlFailure(ex);
        }
    }

    private static Response response(ResultSet r) throws SQLException {
        int subscale = r.getInt("subscale");
        Integer sub = r.wasNull() ? null : subscale;
        return new Response(
                r.getString("member_id"),
                r.getObject("response_id", UUID.class),
                r.getString("questionnaire"),
                r.getString("canonical"),
                r.getString("timepoint"),
                r.getTimestamp("authored_at").toInstant(),
                Arrays.asList((String[]) r.getArray("link_ids").getArray()),
                Arrays.asList((Integer[]) r.getArray("answer_values").getArray()),
                r.getDouble("score"),
                sub,
                r.getString("risk_group"));
    }
}
