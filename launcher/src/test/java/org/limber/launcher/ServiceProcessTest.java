package org.limber.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The JVM options the launcher gives the services: those of ops/java-opts.env unless the environment says otherwise. */
class ServiceProcessTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theServicesGetTheOptionsOfJavaOptsEnvByDefault() {
        assertThat(ServiceProcess.javaOptions(ROOT, ServiceProcess.OPTIONS, null))
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
                .anyMatch(option -> option.startsWith("-Xmx"))
                .noneMatch(String::isBlank);
    }

    @Test
    void theEnvironmentOverridesThemAndAnEmptyValueMeansTheJvmDefaults() {
        assertThat(ServiceProcess.javaOptions(ROOT, ServiceProcess.OPTIONS, " -Xmx512m  -XX:+UseG1GC "))
                .containsExactly("-Xmx512m", "-XX:+UseG1GC");
        assertThat(ServiceProcess.javaOptions(ROOT, ServiceProcess.OPTIONS, "")).isEmpty();
    }

    @Test
    void onAJdk25TheyGetTheOptionsOfTheSecondLineToo() {
        assertThat(ServiceProcess.javaOptions(ROOT, ServiceProcess.JAVA25_OPTIONS, null))
                .contains("-XX:+UseCompactObjectHeaders");
    }

    @Test
    void aServiceWithAnAotCacheRunsOnTheJdkThatMadeItWithTheCache(@TempDir Path app) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(app.resolve("app-cds.jsa"), "archive");
        Files.writeString(app.resolve("app.aot"), "cache");
        Files.writeString(app.resolve("app.aot.java"), java + "\n");

        assertThat(ServiceProcess.command(
                        app, ROOT, Map.of("LIMBER_JAVA_OPTS", "-Xmx200m", "LIMBER_JAVA25_OPTS", "-XX:+X")))
                .containsExactly(
                        java.toString(), "-Xmx200m", "-XX:+X", "-XX:AOTCache=app.aot", "-jar", "quarkus-run.jar");
    }

    @Test
    void withoutACacheItRunsOnTheLaunchersJdkWithItsAppCdsArchiveIfThereIsOne(@TempDir Path app) throws IOException {
        Map<String, String> environment = Map.of("LIMBER_JAVA_OPTS", "-Xmx200m", "LIMBER_JAVA25_OPTS", "-XX:+X");
        assertThat(ServiceProcess.command(app, ROOT, environment))
                .containsExactly(Launcher.java(), "-Xmx200m", "-jar", "quarkus-run.jar");

        Files.writeString(app.resolve("app-cds.jsa"), "archive");
        // A cache whose JDK has gone since is not used.
        Files.writeString(app.resolve("app.aot"), "cache");
        Files.writeString(app.resolve("app.aot.java"), app.resolve("gone/bin/java") + "\n");
        assertThat(ServiceProcess.command(app, ROOT, environment))
                .containsExactly(
                        Launcher.java(), "-Xmx200m", "-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar");
    }

    @Test
    void eachImageMakesItsAotCacheWithTheOptionsOfJavaOptsEnv() throws IOException {
        for (ServiceProcess.Service service : ServiceProcess.services(Ports.from(Map.of()))) {
            String dockerfile = Files.readString(ROOT.resolve(service.module() + "/src/main/docker/Dockerfile.jvm"));
            for (String name : new String[] {ServiceProcess.OPTIONS, ServiceProcess.JAVA25_OPTIONS}) {
                assertThat(dockerfile)
                        .as("%s of %s", name, service.module())
                        .contains("ARG " + name + "=\"" + String.join(" ", ServiceProcess.javaOptions(ROOT, name, null))
                                + "\"");
            }
            assertThat(dockerfile)
                    .contains("-XX:AOTCacheOutput=/deployments/app.aot", "-XX:AOTCache=/deployments/app.aot");
        }
    }

    @Test
    void theResidentMemoryOfALiveProcessIsReadAndAGoneOneIsUnknown() {
        assertThat(ServiceProcess.residentKb(ProcessHandle.current().pid())).isPositive();
        assertThat(ServiceProcess.residentKb(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
