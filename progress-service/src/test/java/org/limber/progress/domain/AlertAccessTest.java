package org.limber.progress.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertAccessTest {

    @Test
    void onlyTheMembersClinicianActsOnTheAlertsOfAnAssignedMember() {
        for (Severity severity : Severity.values()) {
            assertThat(AlertAccess.mayAct("clin-a", "clin-a", severity)).isTrue();
            assertThat(AlertAccess.mayAct("clin-b", "clin-a", severity)).isFalse();
        }
    }

    @Test
    void anyClinicianActsOnTriageButNotOnANudgeOfAMemberWithNoClinician() {
        assertThat(AlertAccess.mayAct("clin-b", null, Severity.URGENT)).isTrue();
        assertThat(AlertAccess.mayAct("clin-b", null, Severity.HIGH)).isTrue();
        assertThat(AlertAccess.mayAct("clin-b", null, Severity.NORMAL)).isFalse();
    }
}
