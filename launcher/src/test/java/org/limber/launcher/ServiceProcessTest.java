package org.limber.launcher;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JVM options the launcher gives the services: those of ops/java-opts.env unless the environment says otherwise. */
class ServiceProcessTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theServicesGetTheOptionsOfJavaOptsEnvByDefault() {
        assertThat(ServiceProcess.javaOptions(ROOT, null))
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
                .anyMatch(option -> option.startsWith("-Xmx"))
                .noneMatch(String::isBlank);
    }

    @Test
    void theEnvironmentOverridesThemAndAnEmptyValueMeansTheJvmDefaults() {
        assertThat(ServiceProcess.javaOptions(ROOT, " -Xmx512m  -XX:+UseG1GC "))
                .containsExactly("-Xmx512m", "-XX:+UseG1GC");
        assertThat(ServiceProcess.javaOptions(ROOT, "")).isEmpty();
    }

    @Test
    void theResidentMemoryOfALiveProcessIsReadAndAGoneOneIsUnknown() {
        assertThat(ServiceProcess.residentKb(ProcessHandle.current().pid())).isPositive();
        assertThat(ServiceProcess.residentKb(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
