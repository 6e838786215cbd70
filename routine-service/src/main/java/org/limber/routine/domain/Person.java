package org.limber.routine.domain;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person of the directory: a copy of a member's or a clinician's names, kept so that the services
 * show names without asking Keycloak on each request. Keycloak stays the source of truth.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    public String id;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    /** The user name (Keycloak's {@code preferred_username}). */
    @Column(name = "preferred_name")
    public String preferredName;

    public String email;

    /** An enabled or disabled member of Keycloak's group /clinicians at the last refresh. */
    public boolean clinician;

    public boolean enabled;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The name to show: given and family name, else the user name, else the e-mail, else the id. */
    public String displayName() {
        return displayName(givenName, familyName, preferredName, email, id);
    }

    public static String displayName(String given, String family, String username, String email, String id) {
        String full = ((given == null ? "" : given.strip()) + " " + (family == null ? "" : family.strip())).strip();
        if (!full.isEmpty()) {
            return full;
        }
        if (username != null && !username.isBlank()) {
            return username;
        }
        return email != null && !email.isBlank() ? email : id;
    }
}
