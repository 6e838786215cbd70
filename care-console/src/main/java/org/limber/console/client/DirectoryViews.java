package org.limber.console.client;

/** The parts of routine-service's directory answers the console uses (see its README, "People"). */
public final class DirectoryViews {

    private DirectoryViews() {}

    /** Someone named: the id and the name to show. */
    public record Named(String id, String name) {}

    /** A member found by a search, with their clinician (null: none assigned). */
    public record Member(String id, String name, String email, Named clinician) {}

    /** A clinician, whether the account is enabled, and the size of their panel. */
    public record Clinician(String id, String name, String email, boolean enabled, long panelSize) {}

    /** A person's name by id. */
    public record Person(String id, String name, boolean clinician) {}

    public record Move(String toClinicianId) {}

    public record Moved(String fromClinicianId, String toClinicianId, int moved) {}
}
