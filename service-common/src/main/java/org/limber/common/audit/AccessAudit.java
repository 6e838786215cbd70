package org.limber.common.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import jakarta.enterprise.context.RequestScoped;

/**
 * The members one request touched, for {@link AccessAuditFilter}: a resource method that answers a list
 * (a panel, alerts, a search) hands the ids of the members it returned. Each member counts once.
 */
@RequestScoped
public class AccessAudit {

    private final Set<String> members = new LinkedHashSet<>();

    /** The request touched this member's data (null is ignored). */
    public void touched(String memberId) {
        if (memberId != null) {
            members.add(memberId);
        }
    }

    /** The request touched these members' data. */
    public void touched(Collection<String> memberIds) {
        memberIds.forEach(this::touched);
    }

    Set<String> members() {
        return members;
    }
}
