package org.limber.routine.rest;

import org.limber.routine.domain.Person;
import org.limber.routine.repository.PersonRepository.ClinicianRow;
import org.limber.routine.repository.PersonRepository.MemberRow;
import org.limber.routine.repository.PersonRepository.Names;

/** What the directory answers: a name to show beside each id. */
public final class PeopleViews {

    private PeopleViews() {}

    /** A person's id and names; {@code name} is what to show (the id when no name is known). */
    public record PersonView(
            String id,
            String name,
            String givenName,
            String familyName,
            String username,
            String email,
            boolean clinician) {

        static PersonView of(Person p) {
            return new PersonView(
                    p.id, p.displayName(), p.givenName, p.familyName, p.preferredName, p.email, p.clinician);
        }
    }

    /** Someone named: the id and the name to show. */
    public record Named(String id, String name) {

        static Named of(String id, Names n) {
            return id == null ? null : new Named(id, displayName(id, n));
        }
    }

    /** A member found by a search, with their clinician (null when none is assigned). */
    public record MemberView(
            String id, String name, String givenName, String familyName, String email, Named clinician) {

        static MemberView of(MemberRow row) {
            Names n = row.names();
            return new MemberView(
                    row.id(),
                    displayName(row.id(), n),
                    n.givenName(),
                    n.familyName(),
                    n.email(),
                    Named.of(row.clinicianId(), row.clinicianNames()));
        }
    }

    /** A clinician, whether the account is enabled, and how many members their panel has. */
    public record ClinicianView(String id, String name, String email, boolean enabled, long panelSize) {

        static ClinicianView of(ClinicianRow row) {
            return new ClinicianView(
                    row.account().id(),
                    displayName(row.account().id(), row.account().names()),
                    row.account().names().email(),
                    row.account().enabled(),
                    row.panelSize());
        }
    }

    static String displayName(String id, Names n) {
        return Person.displayName(n.givenName(), n.familyName(), n.preferredName(), n.email(), id);
    }
}
