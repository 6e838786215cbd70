package org.limber.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the simulator tells an expected answer from an error. */
class SimulatorTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSuspendedPlanIsAnExpectedOutcomeOtherConflictsAreNot() throws Exception {
        assertThat(MemberActions.isPlanSuspended(new JsonHttp.Reply(
                        409,
                        JSON.readTree("{\"type\":\"https://limber.dev/problems/plan-suspended\",\"status\":409}"),
                        null)))
                .isTrue();
        assertThat(MemberActions.isPlanSuspended(new JsonHttp.Reply(
                        409,
                        JSON.readTree("{\"type\":\"https://limber.dev/problems/conflict\",\"status\":409}"),
                        null)))
                .isFalse();
        assertThat(MemberActions.isPlanSuspended(new JsonHttp.Reply(503, MissingNode.getInstance(), null)))
                .isFalse();
    }
}
