package org.limber.events;

/**
 * The one bound of every id the services exchange: a member's, a clinician's or an admin's (the
 * subject of their token), in a request and in an event. Every service's validation and every
 * consumer's intake holds ids to it, so an id a service accepts is never one another refuses.
 *
 * <p>An id component of an event record is a {@code String} whose name ends in {@code Id} (such as
 * {@code memberId}, {@code clinicianId}) or {@code By} (such as {@code assignedBy}).
 */
public final class Ids {

    /** Characters; Keycloak's subjects are 36 (a UUID). */
    public static final int MAX_LENGTH = 128;

    private Ids() {}
}
