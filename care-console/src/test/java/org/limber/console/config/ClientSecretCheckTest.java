package org.limber.console.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretCheckTest {

    @Test
    void productionRefusesTheDemoSecretOrNoneAndSaysWhatToSet() {
        assertThat(ClientSecretCheck.refusal("limber-console-secret", false))
                .startsWith("Refusing to start")
                .contains("CONSOLE_CLIENT_SECRET")
                .contains("the demo realm's");
        assertThat(ClientSecretCheck.refusal(" limber-console-secret ", false)).isNotNull();
        assertThat(ClientSecretCheck.refusal("", false)).contains("not set");
        assertThat(ClientSecretCheck.refusal(null, false)).contains("not set");
    }

    @Test
    void anOwnSecretOrTheLauncherOnLoopbackMayStart() {
        assertThat(ClientSecretCheck.refusal("kq3-8f-very-own", false)).isNull();
        assertThat(ClientSecretCheck.refusal("limber-console-secret", true)).isNull();
    }
}
