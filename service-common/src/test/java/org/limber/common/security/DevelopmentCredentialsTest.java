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

    @Test
    void theDevelopmentPseudonymKeyIsRefusedUnlessOnTheLauncher() {
        assertThat(DevelopmentCredentials.pseudonymKeyRefusal("limber-development-pseudonym-key", false))
                .get()
                .asString()
                .contains("LIMBER_PSEUDONYM_KEY");
        assertThat(DevelopmentCredentials.pseudonymKeyRefusal("short-key", false))
                .isPresent();
        assertThat(DevelopmentCredentials.pseudonymKeyRefusal("", false)).isPresent();
        assertThat(DevelopmentCredentials.pseudonymKeyRefusal("k3J9-vq2x-Wm7p-8sLq-Zr4t-Yb6n-Hc1d", false))
                .isEmpty();
        assertThat(DevelopmentCredentials.pseudonymKeyRefusal("limber-development-pseudonym-key", true))
                .isEmpty();
    }
}
