package org.limber.simulator;

import java.util.List;

/**
 * Where the stack is and what to play: the services' and Keycloak's addresses, the client the simulator signs
 * in with, how many members for how many weeks (seed and concurrency), the members' user names and password,
 * the admin, the clinicians and the demo member, and whether progress is printed plainly (no redrawn lines).
 * Made with {@link #local} and changed with its {@link Builder}.
 */
public record SimulatorConfig(
        String routineUrl,
        String progressUrl,
        String keycloakUrl,
        String realm,
        String clientId,
        String clientSecret,
        int members,
        int weeks,
        long seed,
        int concurrency,
        String usernamePrefix,
        String password,
        String admin,
        String adminPassword,
        List<String> clinicians,
        String clinicianPassword,
        String demoMember,
        String demoMemberPassword,
        boolean plainOutput) {

    /** The local stack's (./run) settings on these ports: 300 members for 12 weeks, the realm's demo accounts. */
    public static Builder local(int routinePort, int progressPort, int keycloakPort) {
        Builder b = new Builder();
        b.routineUrl = "http://localhost:" + routinePort;
        b.progressUrl = "http://localhost:" + progressPort;
        b.keycloakUrl = "http://localhost:" + keycloakPort;
        b.realm = "limber";
        b.clientId = "limber-scripts";
        b.clientSecret = "limber-scripts-secret";
        b.members = 300;
        b.weeks = 12;
        b.seed = 42;
        b.concurrency = 6;
        b.usernamePrefix = "demo-member-";
        b.password = "demo-limber";
        b.admin = "ada";
        b.adminPassword = "limber";
        b.clinicians = List.of("casey", "robin");
        b.clinicianPassword = "limber";
        b.demoMember = "maria";
        b.demoMemberPassword = "limber";
        return b;
    }

    /** The settings that may differ from {@link #local}'s: how many members, their user names, plain output. */
    public static final class Builder {
        private String routineUrl;
        private String progressUrl;
        private String keycloakUrl;
        private String realm;
        private String clientId;
        private String clientSecret;
        private int members;
        private int weeks;
        private long seed;
        private int concurrency;
        private String usernamePrefix;
        private String password;
        private String admin;
        private String adminPassword;
        private List<String> clinicians;
        private String clinicianPassword;
        private String demoMember;
        private String demoMemberPassword;
        private boolean plainOutput;

        private Builder() {}

        public Builder members(int count) {
            this.members = count;
            return this;
        }

        public Builder usernamePrefix(String prefix) {
            this.usernamePrefix = prefix;
            return this;
        }

        public Builder plainOutput(boolean plain) {
            this.plainOutput = plain;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(
                    routineUrl,
                    progressUrl,
                    keycloakUrl,
                    realm,
                    clientId,
                    clientSecret,
                    members,
                    weeks,
                    seed,
                    concurrency,
                    usernamePrefix,
                    password,
                    admin,
                    adminPassword,
                    clinicians,
                    clinicianPassword,
                    demoMember,
                    demoMemberPassword,
                    plainOutput);
        }
    }
}
