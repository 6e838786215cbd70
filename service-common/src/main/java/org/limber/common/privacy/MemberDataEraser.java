package org.limber.common.privacy;

/**
 * One part of a service's erasure of a member: deletes (or irreversibly anonymizes) the rows of some of
 * its tables that hold the member's id, in the caller's transaction. {@link MemberErasure} runs every
 * such bean of the service; a table added later gets its part by a new bean (or a statement in one).
 */
public interface MemberDataEraser {

    /**
     * Erases the member's rows; returns the number of rows changed per table (for the log).
     *
     * @param memberId the member's id
     * @param pseudonym the member's pseudonym ({@link Pseudonyms}), for rows that must outlive the erasure
     *     (the access audit) with the id replaced
     */
    java.util.Map<String, Integer> erase(String memberId, String pseudonym);
}
