package org.limber.routine.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.limber.common.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A part whose service is not running: nothing listens on its port, and the export is a 503 naming it. */
class ExportPartsTest {

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aServiceThatIsNotRunningIsA503NamingIt() throws IOException {
        String nobody = "http://127.0.0.1:" + freePort();
        ExportParts parts = new ExportParts(Duration.ofSeconds(2));

        ProblemException progressDown =
                catchThrowableOfType(() -> parts.open(nobody, nobody, "token"), ProblemException.class);
        assertThat(progressDown.status()).isEqualTo(503);
        assertThat(progressDown.headers()).containsKey("Retry-After");
        assertThat(progressDown.toProblem("/members/me/export").members()).containsEntry("service", "progress");
        assertThat(progressDown.getMessage()).contains("progress-service could not be reached");
    }
}
