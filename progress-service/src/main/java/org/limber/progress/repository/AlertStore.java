package org.limber.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.limber.common.sql.SqlFailure;
import org.limber.progress.domain.AlertFolding;
import org.limber.progress.domain.AlertKind;
import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.AlertRules;
import org.limber.progress.domain.NewAlert;
import org.limber.progress.domain.RaisedAlert;
import org.limber.progress.domain.Severity;

/**
 * The alerts' side of the fold rule ({@link AlertFolding} decides it): reads the facts (which causes
 * are counted already, the unresolved alert of each kind, locked until the transaction ends) and writes
 * the outcome (new alerts, occurrences of unresolved ones, reopened ones), inside the caller's
 * transaction, one statement for each for the whole batch.
 */
@ApplicationScoped
public class AlertStore {

    /** What a write did: the alerts to publish, and the raises the database refused (another transaction was first). */
    public record Applied(List<RaisedAlert> published, List<AlertFolding.Raise> refused) {}

    private static final String COUNTED = """
            select t.member_id, t.kind, t.source_id
            from unnest(?::text[], ?::text[], ?::text[]) as t(member_id, kind, source_id)
            where exists (select from alert_cause c
                          where c.member_id = t.member_id and c.kind = t.kind and c.source_id = t.source_id)
            """;

    /**
     * The unresolved alerts of the kinds that fold, locked in member order (an occurrence and a clinician's
     * acknowledgement or resolution of the same alert wait for each other, never cross).
     */
    private static final String UNRESOLVED = """
            select a.id, a.member_id, a.kind, a.status
            from alert a
            join (select distinct member_id, kind from unnest(?::text[], ?::text[]) as t(member_id, kind)) t
              on a.member_id = t.member_id and a.kind = t.kind
            where a.status <> 'RESOLVED' and a.folds
            order by a.member_id, a.kind
            for update of a
            """;

    /**
     * New alerts, and the causes each counts. An insert the unique indexes refuse (an unresolved alert of the kind,
     * or the cause's own alert, committed meanwhile by another transaction) stores nothing, its causes included.
     */
    private static final String RAISE = """
            with input as (
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[], ?::text[],
                                     ?::boolean[], ?::int[], ?::date[])
                    as t(id, member_id, kind, severity, severity_rank, reason, source_id, details, folds, occurrences,
                         inactive_since)
            ), raised as (
                insert into alert (id, member_id, kind, severity, severity_rank, status, reason, source_id, raised_at, details,
                                   folds, occurrences, last_occurred_at, inactive_since)
                select id, member_id, kind, severity, severity_rank, 'OPEN', reason, source_id, now(),
                       case when details = '' then '{}'::text[] else string_to_array(details, chr(31)) end, folds,
                       occurrences, now(), inactive_since
                from input order by member_id, kind, source_id
                on conflict do nothing
                returning id, member_id, kind, severity, reason, details, raised_at, occurrences
            ), counted as (
                insert into alert_cause (member_id, kind, source_id, alert_id, counted_at)
                select c.member_id, c.kind, c.source_id, c.alert_id, now()
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as c(alert_id, member_id, kind, source_id)
                join raised r on r.id = c.alert_id
                order by c.member_id, c.kind, c.source_id
                on conflict do nothing
            )
            select r.id, r.member_id, r.kind, r.severity, r.reason, r.details, p.clinician_id, r.raised_at, r.occurrences
            from raised r left join member_profile p on p.member_id = r.member_id
            """;

    /**
     * New occurrences of unresolved alerts: each cause counted once (one counted meanwhile by another transaction
     * adds nothing), the count and the latest time raised by those counted, the details replaced by the latest
     * occurrence's when it has any, and the alert reopened when the decision says so; the alerts reopened come back.
     */
    private static final String OCCUR = """
            with counted as (
                insert into alert_cause (member_id, kind, source_id, alert_id, counted_at)
                select member_id, kind, source_id, alert_id, now()
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as c(alert_id, member_id, kind, source_id)
                order by member_id, kind, source_id
                on conflict do nothing
                returning alert_id
            ), added as (
                select alert_id, count(*)::int as n from counted group by alert_id
            ), decided as (
                select * from unnest(?::uuid[], ?::boolean[], ?::text[]) as d(alert_id, reopen, details)
            ), occurred as (
                update alert a set
                    occurrences      = a.occurrences + n.n,
                    last_occurred_at = now(),
                    status           = case when d.reopen then 'OPEN' else a.status end,
                    reopened_at      = case when d.reopen then now() else a.reopened_at end,
                    details          = case when d.details = '' then a.details else string_to_array(d.details, chr(31)) end
                from added n join decided d on d.alert_id = n.alert_id
                where a.id = n.alert_id and a.status <> 'RESOLVED'
                returning a.id, a.member_id, a.kind, a.severity, a.reason, a.details, a.raised_at, a.occurrences, d.reopen
            )
            select o.id, o.member_id, o.kind, o.severity, o.reason, o.details, p.clinician_id, o.raised_at, o.occurrences
            from occurred o left join member_profile p on p.member_id = o.member_id
            where o.reopen
            """;

    /** Joins a list of text for an array parameter (a unit separator: the items are free text, commas included). */
    private static final String DETAIL_SEPARATOR = "\u001f";

    private final AgroalDataSource dataSource;

    public AlertStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The facts the fold rule needs about {@code candidates}: the causes counted already, and the unresolved alerts
     * of the kinds that fold for the candidates with a cause not counted yet (locked until the transaction ends).
     */
    public AlertFolding.Facts facts(Collection<NewAlert> candidates) {
        if (candidates.isEmpty()) {
            return new AlertFolding.Facts(List.of(), Set.of());
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement counted = db.prepareStatement(COUNTED);
                PreparedStatement unresolved = db.prepareStatement(UNRESOLVED)) {
            Set<AlertFolding.Cause> seen = new HashSet<>();
            List<AlertFolding.Cause> causes =
                    candidates.stream().map(AlertFolding.Cause::of).toList();
            ColumnArrays.of(causes)
                    .column("text", String[]::new, AlertFolding.Cause::memberId)
                    .column("text", String[]::new, c -> c.kind().name())
                    .column("text", String[]::new, AlertFolding.Cause::sourceId)
                    .bind(counted, 1);
            try (ResultSet rows = counted.executeQuery()) {
                while (rows.next()) {
                    seen.add(new AlertFolding.Cause(
                            rows.getString(1), AlertKind.valueOf(rows.getString(2)), rows.getString(3)));
                }
            }
            // Only the kinds with something new lock their alert (a scheduled rule evaluated again locks nothing).
            Set<AlertFolding.Cause> kinds = new LinkedHashSet<>();
            for (AlertFolding.Cause c : causes) {
                if (!seen.contains(c)) {
                    kinds.add(new AlertFolding.Cause(c.memberId(), c.kind(), null));
                }
            }
            List<AlertFolding.Unresolved> open = new ArrayList<>();
            if (!kinds.isEmpty()) {
                ColumnArrays.of(List.copyOf(kinds))
                        .column("text", String[]::new, AlertFolding.Cause::memberId)
                        .column("text", String[]::new, c -> c.kind().name())
                        .bind(unresolved, 1);
                try (ResultSet rows = unresolved.executeQuery()) {
                    while (rows.next()) {
                        open.add(new AlertFolding.Unresolved(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                AlertKind.valueOf(rows.getString(3)),
                                AlertFolding.Status.valueOf(rows.getString(4))));
                    }
                }
            }
            return new AlertFolding.Facts(open, seen);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Writes the decision; returns the alerts to publish (raised, reopened) and the raises refused. */
    public Applied apply(AlertFolding.Decision decision, AlertPolicy policy) {
        List<RaisedAlert> published = new ArrayList<>();
        List<AlertFolding.Raise> refused = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            if (!decision.raises().isEmpty()) {
                Set<UUID> stored = new HashSet<>();
                try (PreparedStatement statement = db.prepareStatement(RAISE)) {
                    bindRaises(statement, decision.raises(), policy);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            RaisedAlert alert = raised(rows, false);
                            stored.add(alert.id());
                            published.add(alert);
                        }
                    }
                }
                decision.raises().stream().filter(r -> !stored.contains(r.id())).forEach(refused::add);
            }
            if (!decision.occurrences().isEmpty()) {
                try (PreparedStatement statement = db.prepareStatement(OCCUR)) {
                    bindOccurrences(statement, decision.occurrences());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            published.add(raised(rows, true));
                        }
                    }
                }
            }
            return new Applied(published, refused);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static void bindRaises(PreparedStatement statement, List<AlertFolding.Raise> raises, AlertPolicy policy)
            throws SQLException {
        AlertRules rules = policy.rules();
        int next = ColumnArrays.of(raises)
                .column("uuid", UUID[]::new, AlertFolding.Raise::id)
                .column("text", String[]::new, r -> r.first().memberId())
                .column("text", String[]::new, r -> r.first().kind().name())
                .column(
                        "text",
                        String[]::new,
                        r -> policy.severity(r.first().kind(), r.details()).name())
                .column("int2", Short[]::new, r ->
                        (short) policy.severity(r.first().kind(), r.details()).rank)
                .column("text", String[]::new, r -> rules.rule(r.first().kind()).reason())
                .column("text", String[]::new, r -> r.first().sourceId())
                .column("text", String[]::new, r -> String.join(DETAIL_SEPARATOR, r.details()))
                .column(
                        "bool",
                        Boolean[]::new,
                        r -> rules.rule(r.first().kind()).folds())
                .column("int4", Integer[]::new, AlertFolding.Raise::occurrences)
                .column("date", Date[]::new, r -> Rows.sqlDate(r.first().inactiveSince()))
                .bind(statement, 1);
        List<Counted> counted = new ArrayList<>();
        raises.forEach(r -> r.causes().forEach(c -> counted.add(new Counted(r.id(), c))));
        bindCauses(statement, next, counted);
    }

    private static void bindOccurrences(PreparedStatement statement, List<AlertFolding.Occurrences> occurrences)
            throws SQLException {
        List<Counted> counted = new ArrayList<>();
        occurrences.forEach(o ->
                o.causes().forEach(c -> counted.add(new Counted(o.alert().id(), c))));
        int next = bindCauses(statement, 1, counted);
        ColumnArrays.of(occurrences)
                .column("uuid", UUID[]::new, o -> o.alert().id())
                .column("bool", Boolean[]::new, AlertFolding.Occurrences::reopen)
                .column("text", String[]::new, o -> String.join(DETAIL_SEPARATOR, o.details()))
                .bind(statement, next);
    }

    /** A cause an alert counts. */
    private record Counted(UUID alertId, NewAlert cause) {}

    /** Binds the causes (alert id, member, kind, source) as four arrays from parameter {@code first} on. */
    private static int bindCauses(PreparedStatement statement, int first, List<Counted> counted) throws SQLException {
        return ColumnArrays.of(counted)
                .column("uuid", UUID[]::new, Counted::alertId)
                .column("text", String[]::new, c -> c.cause().memberId())
                .column("text", String[]::new, c -> c.cause().kind().name())
                .column("text", String[]::new, c -> c.cause().sourceId())
                .bind(statement, first);
    }

    private static RaisedAlert raised(ResultSet rows, boolean reopened) throws SQLException {
        return new RaisedAlert(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                AlertKind.valueOf(rows.getString(3)),
                Severity.valueOf(rows.getString(4)),
                rows.getString(5),
                List.of((String[]) rows.getArray(6).getArray()),
                rows.getString(7),
                rows.getTimestamp(8).toInstant(),
                rows.getInt(9),
                reopened);
    }
}
