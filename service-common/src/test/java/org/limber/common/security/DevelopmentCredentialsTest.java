package org.limber.common.security;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentCredentialsTest {

    @Test
    void theLaunchersAndTheOldComposeDefaultsAreRefused() {
        for (String service : new String[] {"catalog", "routine", "progress"}) {
            assertThat(DevelopmentCredentials.refusal(service, Optional.of(service), false))
                    .as(service)
                    .get()
                    .asString()
                    .contains("DB_PASSWORD");
        }
        assertThat(DevelopmentCredentials.refusal("catalog", Optional.of("Postgres"), false))
                .isPresent();
        assertThat(DevelopmentCredentials.refusal("svc", Optional.of("svc"), false))
                .as("password = user name")
                .isPresent();
    }

    @Test
    void noPasswordIsRefused() {
        assertThat(DevelopmentCredentials.refusal("catalog", Optional.empty(), false))
                .get()
                .asString()
                .contains("no database password");
        assertThat(DevelopmentCredentials.refusal("catalog", Optional.of("  "), false))
                .isPresent();
    }

    @Test
    void aRealSecretPasses() {
        assertThat(DevelopmentCredentials.refusal("catalog", Optional.of("k3J9-vq2x-Wm7p"), false))
                .isEmpty();
    }

    @Test
    void theLocalLauncherMayUseTheDevelopmentPasswords() {
        assertThat(DevelopmentCredentials.refusal("catalog", Optional.of("catalog"), true))
                .isEmpty();
    }
}
