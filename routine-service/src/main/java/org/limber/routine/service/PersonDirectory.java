package org.limber.routine.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import org.limber.common.paging.Page;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;
import org.limber.routine.client.KeycloakAdmin;
import org.limber.routine.config.DirectoryConfig;
import org.limber.routine.domain.Person;
import org.limber.routine.repository.PersonRepository;
import org.limber.routine.repository.PersonRepository.Account;
import org.limber.routine.repository.PersonRepository.ClinicianRow;
import org.limber.routine.repository.PersonRepository.MemberRow;
import org.limber.routine.repository.PersonRepository.Names;

/**
 * The directory of people (table {@code person}): names to show instead of ids, without asking
 * Keycloak on each request. A member's names come from their own token ({@link #noteMember}): a row
 * is written only when they changed, and the names last written are remembered in memory so that a
 * member's requests read nothing. Clinicians are the members of Keycloak's group of clinicians, read
 * with the {@code limber-directory} client's token on a schedule ({@link #refreshClinicians}) and
 * once more when an unknown id is assigned ({@link #requireClinician}).
 */
@ApplicationScoped
public class PersonDirectory {

    private static final Logger LOG = Logger.getLogger(PersonDirectory.class);
    /** Names kept per field: Keycloak's own limit of a user attribute. */
    static final int MAX_NAME = 255;

    private static final int PAGE = 100;
    /** Members whose names were written lately, remembered so that their next requests write nothing. */
    private static final int REMEMBERED = 10_000;

    private final PersonRepository people;
    private final KeycloakAdmin keycloak;
    private final OidcClient tokens;
    private final DirectoryConfig config;
    private final Clock clock;
    private final Map<String, Names> noted = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Names> eldest) {
            return size() > REMEMBERED;
        }
    });

    public PersonDirectory(
            PersonRepository people,
            @RestClient KeycloakAdmin keycloak,
            OidcClient tokens,
            DirectoryConfig config,
            Clock clock) {
        this.people = people;
        this.keycloak = keycloak;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Notes a member's names from their token; writes only when they differ from the last written. The
     * comparison runs outside any transaction: a request whose names are known opens none.
     */
    public void noteMember(String memberId, Names names) {
        Names bounded = bounded(names);
        if (bounded.equals(noted.get(memberId))) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> people.noteMember(memberId, bounded, Timestamps.now(clock)));
        noted.put(memberId, bounded);
    }

    /** Forgets the names last written for a member (their row was erased). */
    public void forget(String memberId) {
        noted.remove(memberId);
    }

    /**
     * Throws a 422 naming {@code field} unless {@code id} is an enabled clinician. An id the directory
     * does not know as one makes it read the clinicians from Keycloak once more first (a clinician
     * added a minute ago), so the refusal is Keycloak's answer, not a stale copy's.
     */
    public Person requireClinician(String id, String field) {
        Optional<Person> known = enabledClinician(id);
        if (known.isEmpty()) {
            refreshClinicians();
            known = enabledClinician(id);
        }
        return known.orElseThrow(() -> ProblemException.invalid(
                422,
                "Only an enabled clinician can have a panel.",
                List.of(new FieldProblem(field, "is not an enabled clinician's id"))));
    }

    @Transactional
    Optional<Person> enabledClinician(String id) {
        return people.find(id).filter(p -> p.clinician && p.enabled);
    }

    /**
     * Reads every member of the group of clinicians from Keycloak and keeps the copy in step: names
     * and the enabled flag written where they changed, and whoever left the group no longer a
     * clinician. When Keycloak cannot be read the copy stays as it was.
     */
    @Scheduled(
            every = "${limber.routine.directory.refresh:5m}",
            delayed = "${limber.routine.directory.first-refresh:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refreshClinicians() {
        List<Account> accounts;
        try {
            accounts = readClinicians();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The clinicians could not be read from Keycloak (%s); the directory keeps its copy", e.toString());
            return;
        }
        store(accounts);
    }

    private List<Account> readClinicians() {
        String bearer = "Bearer " + tokens.getTokens().await().indefinitely().getAccessToken();
        KeycloakAdmin.Group group = keycloak.groupByPath(bearer, config.realm(), config.clinicianGroup());
        List<Account> accounts = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<KeycloakAdmin.User> page = keycloak.members(bearer, config.realm(), group.id(), first, PAGE, false);
            page.forEach(u -> accounts.add(new Account(
                    u.id(),
                    bounded(new Names(u.firstName(), u.lastName(), u.username(), u.email())),
                    !Boolean.FALSE.equals(u.enabled()))));
            if (page.size() < PAGE) {
                return accounts;
            }
        }
    }

    @Transactional
    void store(List<Account> accounts) {
        var now = Timestamps.now(clock);
        int changed = 0;
        for (Account account : accounts) {
            if (people.noteClinician(account, now)) {
                changed++;
            }
        }
        int left = people.unmarkCliniciansOtherThan(
                accounts.stream().map(Account::id).toList(), now);
        if (changed > 0 || left > 0) {
            LOG.infof("Directory: %d clinicians, %d changed, %d no longer clinicians", accounts.size(), changed, left);
        }
    }

    /** The caller's view of the directory: an admin sees everyone, a clinician their own panel. */
    public record Viewer(String id, boolean admin) {}

    /** Members by name, e-mail or id: on the viewer's panel, or all for an admin. */
    @Transactional
    public Page<MemberRow> members(Viewer viewer, String query, PersonRepository.Sort sort, int page, int size) {
        return people.members(viewer.admin() ? null : viewer.id(), query, sort, page, size);
    }

    /** Every clinician, by name, with their panel's size. */
    @Transactional
    public List<ClinicianRow> clinicians() {
        return people.clinicians();
    }

    /**
     * The people among {@code ids} whose names the viewer may see: an admin all; a clinician the
     * clinicians and the members on their own panel. The others are left out.
     */
    @Transactional
    public List<Person> named(Viewer viewer, Collection<String> ids) {
        List<Person> found = people.byIds(ids);
        if (viewer.admin()) {
            return found;
        }
        Set<String> panel = Set.copyOf(people.onPanel(viewer.id(), ids));
        return found.stream().filter(p -> p.clinician || panel.contains(p.id)).toList();
    }

    static Names bounded(Names n) {
        return new Names(clip(n.givenName()), clip(n.familyName()), clip(n.preferredName()), clip(n.email()));
    }

    private static String clip(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() <= MAX_NAME ? v : v.substring(0, MAX_NAME);
    }
}
