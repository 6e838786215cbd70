package org.limber.routine.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.Panache;

import org.limber.common.paging.Page;
import org.limber.routine.domain.Person;

/** The directory of people: members' and clinicians' names, and searches of a panel by name. */
@ApplicationScoped
public class PersonRepository {

    /** Names as a token or Keycloak gives them. */
    public record Names(String givenName, String familyName, String preferredName, String email) {}

    /** A clinician's account as Keycloak lists it. */
    public record Account(String id, Names names, boolean enabled) {}

    /** A member found by a search: their names and their clinician, if any. */
    public record MemberRow(String id, Names names, String clinicianId, Names clinicianNames) {}

    /** A clinician and the number of members on their panel. */
    public record ClinicianRow(Account account, long panelSize) {}

    /** The order of a search: by name (family name, then given name) or by id, either way. */
    public enum Sort {
        NAME,
        NAME_DESC,
        ID,
        ID_DESC
    }

    private static final String UPSERT = "insert into person (id, given_name, family_name, preferred_name, email,"
            + " clinician, enabled, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            + " on conflict (id) do update set given_name = excluded.given_name, family_name = excluded.family_name,"
            + " preferred_name = excluded.preferred_name, email = excluded.email,"
            + " clinician = case when ?6 then true else person.clinician end,"
            + " enabled = case when ?6 then excluded.enabled else person.enabled end,"
            + " updated_at = excluded.updated_at"
            + " where (person.given_name, person.family_name, person.preferred_name, person.email)"
            + " is distinct from (excluded.given_name, excluded.family_name, excluded.preferred_name, excluded.email)"
            + " or (?6 and (not person.clinician or person.enabled is distinct from excluded.enabled))";

    private static final String SORT_KEY =
            "lower(coalesce(nullif(concat_ws(' ', p.family_name, p.given_name), ''), p.preferred_name, p.email, m.id))";

    private static final String MEMBERS = "select m.id, p.given_name, p.family_name, p.preferred_name, p.email,"
            + " a.clinician_id, c.given_name c_given, c.family_name c_family, c.preferred_name c_username,"
            + " c.email c_email, count(*) over () total"
            + " from (select id from person where not clinician union select member_id from care_assignment) m"
            + " left join person p on p.id = m.id"
            + " left join care_assignment a on a.member_id = m.id"
            + " left join person c on c.id = a.clinician_id"
            + " where (cast(?1 as text) is null or a.clinician_id = ?1)"
            + " and (cast(?2 as text) is null or strpos(lower(concat_ws(' ', p.given_name, p.family_name,"
            + " p.preferred_name, p.email, m.id)), ?2) > 0)"
            + " order by case when ?3 = 'NAME' then " + SORT_KEY + " end,"
            + " case when ?3 = 'NAME_DESC' then " + SORT_KEY + " end desc,"
            + " case when ?3 = 'ID_DESC' then m.id end desc, m.id"
            + " limit ?4 offset ?5";

    private static final String CLINICIANS = "select p.id, p.given_name, p.family_name, p.preferred_name, p.email,"
            + " p.enabled, (select count(*) from care_assignment a where a.clinician_id = p.id) panel_size"
            + " from person p where p.clinician"
            + " order by lower(coalesce(nullif(concat_ws(' ', p.family_name, p.given_name), ''), p.preferred_name,"
            + " p.email, p.id)), p.id";

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(em().find(Person.class, id));
    }

    /**
     * A member's names, written only when they differ from the row's (a member's account is never
     * marked a clinician here, nor unmarked). Returns whether a row was written.
     */
    public boolean noteMember(String id, Names names, Instant now) {
        return upsert(new Account(id, names, true), false, now);
    }

    /** A clinician's account as Keycloak lists it, written only when it changed. */
    public boolean noteClinician(Account account, Instant now) {
        return upsert(account, true, now);
    }

    private boolean upsert(Account account, boolean clinician, Instant now) {
        Names n = account.names();
        return em().createNativeQuery(UPSERT)
                        .setParameter(1, account.id())
                        .setParameter(2, n.givenName())
                        .setParameter(3, n.familyName())
                        .setParameter(4, n.preferredName())
                        .setParameter(5, n.email())
                        .setParameter(6, clinician)
                        .setParameter(7, account.enabled())
                        .setParameter(8, now)
                        .executeUpdate()
                > 0;
    }

    /** Marks every clinician not in {@code ids} as no longer one (left the group, or deleted). */
    public int unmarkCliniciansOtherThan(Collection<String> ids, Instant now) {
        return em().createNativeQuery("update person set clinician = false, updated_at = ?2"
                        + " where clinician and not (id = any(cast(?1 as text[])))")
                .setParameter(1, ids.toArray(String[]::new))
                .setParameter(2, now)
                .executeUpdate();
    }

    /**
     * Members whose names, e-mail or id contain {@code query} (case-insensitive; null: all): those on
     * {@code clinicianId}'s panel, or every member known when it is null.
     */
    public Page<MemberRow> members(String clinicianId, String query, Sort sort, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em().createNativeQuery(MEMBERS, Tuple.class)
                .setParameter(1, clinicianId)
                .setParameter(2, query == null ? null : query.toLowerCase(Locale.ROOT))
                .setParameter(3, sort.name())
                .setParameter(4, size)
                .setParameter(5, (long) page * size)
                .getResultList();
        long total = rows.isEmpty()
                ? count(clinicianId, query)
                : rows.get(0).get("total", Number.class).longValue();
        return new Page<>(rows.stream().map(PersonRepository::memberRow).toList(), page, size, total);
    }

    private long count(String clinicianId, String query) {
        @SuppressWarnings("unchecked")
        List<Tuple> first = em().createNativeQuery(MEMBERS, Tuple.class)
                .setParameter(1, clinicianId)
                .setParameter(2, query == null ? null : query.toLowerCase(Locale.ROOT))
                .setParameter(3, Sort.ID.name())
                .setParameter(4, 1)
                .setParameter(5, 0L)
                .getResultList();
        return first.isEmpty() ? 0 : first.get(0).get("total", Number.class).longValue();
    }

    private static MemberRow memberRow(Tuple t) {
        return new MemberRow(
                t.get("id", String.class),
                new Names(
                        t.get("given_name", String.class),
                        t.get("family_name", String.class),
                        t.get("preferred_name", String.class),
                        t.get("email", String.class)),
                t.get("clinician_id", String.class),
                new Names(
                        t.get("c_given", String.class),
                        t.get("c_family", String.class),
                        t.get("c_username", String.class),
                        t.get("c_email", String.class)));
    }

    /** Every clinician of the directory (enabled or not), by name, with their panel's size. */
    public List<ClinicianRow> clinicians() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em().createNativeQuery(CLINICIANS, Tuple.class).getResultList();
        return rows.stream()
                .map(t -> new ClinicianRow(
                        new Account(
                                t.get("id", String.class),
                                new Names(
                                        t.get("given_name", String.class),
                                        t.get("family_name", String.class),
                                        t.get("preferred_name", String.class),
                                        t.get("email", String.class)),
                                t.get("enabled", Boolean.class)),
                        t.get("panel_size", Number.class).longValue()))
                .toList();
    }

    /** The people of the directory among {@code ids}. */
    public List<Person> byIds(Collection<String> ids) {
        return em().createQuery("from Person where id in ?1", Person.class)
                .setParameter(1, ids)
                .getResultList();
    }

    /** Those of {@code ids} on the clinician's panel. */
    public List<String> onPanel(String clinicianId, Collection<String> ids) {
        return em().createQuery(
                        "select a.memberId from CareAssignment a where a.clinicianId = ?1 and a.memberId in ?2",
                        String.class)
                .setParameter(1, clinicianId)
                .setParameter(2, ids)
                .getResultList();
    }
}
