package org.limber.testsupport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.limber.postgres.EmbeddedPostgresServer;
import org.limber.testsupport.KafkaBroker;
import org.limber.testsupport.PackagedService;
import org.limber.testsupport.bench.BenchVariants.Variant;
import org.limber.testsupport.bench.ServiceStartBenchmark.Service;

import static org.limber.testsupport.bench.ServiceStartBenchmark.NMT;
import static org.limber.testsupport.bench.ServiceStartBenchmark.SERVICES;
import static org.limber.testsupport.bench.ServiceStartBenchmark.START_LIMIT;
import static org.limber.testsupport.bench.ServiceStartBenchmark.warmUp;

/**
 * What every start of a {@link ServiceStartBenchmark} run shares (the repository, the database server, the
 * OIDC provider, the JVM options and the log directory), and how a service starts on it.
 */
record BenchSystem(Path root, EmbeddedPostgresServer postgres, String oidcUrl, String javaOpts, Path logs) {

    /** Starts one service of a variant: its name, its java, and its log files named with a suffix. */
    record Starter(String name, Path java, Path logs, String logName, Launch launch) {

        PackagedService start(String suffix) throws Exception {
            return launch.start(log(suffix + ".log"));
        }

        Path log(String suffix) {
            return logs.resolve(logName + suffix);
        }
    }

    interface Launch {
        PackagedService start(Path log) throws Exception;
    }

    /** How {@code service} starts in {@code variant}, on a database of the variant's own. */
    Starter starter(Service service, Variant variant, KafkaBroker kafka) {
        String database = service.database() + "_" + variant.key();
        postgres.createDatabase(database);
        Map<String, String> env = environment(postgres, database, kafka, oidcUrl);
        List<String> options = new ArrayList<>(BenchVariants.split(javaOpts));
        options.addAll(variant.options());
        if (NMT) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        String name = service.module() + " (" + variant.label() + ")";
        Path java = variant.java().get(service.module());
        return new Starter(
                name,
                java,
                logs,
                service.module() + "-" + variant.key(),
                log -> PackagedService.start(
                        name,
                        java,
                        PackagedService.jar(root.resolve(service.module())),
                        options,
                        service.portVariable(),
                        env,
                        log));
    }

    /**
     * The training run of the trained variant: each service once until ready and warmed up, with
     * {@code -XX:AOTCacheOutput}, on a system of its own, then stopped so that its JVM writes the cache.
     */
    void train(Variant training) throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(Files.createTempDirectory("bench-kafka"))) {
            for (Service service : SERVICES) {
                trainOne(training, service, kafka);
            }
        }
    }

    private void trainOne(Variant training, Service service, KafkaBroker kafka) throws Exception {
        String database = service.database() + "_training";
        postgres.createDatabase(database);
        Path cache = BenchVariants.app(root, service).resolve(BenchVariants.TRAINED_CACHE);
        Files.deleteIfExists(cache);
        List<String> options = new ArrayList<>(BenchVariants.split(javaOpts));
        options.addAll(training.options());
        Path log = logs.resolve(service.module() + "-training.log");
        PackagedService process = PackagedService.start(
                service.module() + " (training)",
                training.java().get(service.module()),
                PackagedService.jar(root.resolve(service.module())),
                options,
                service.portVariable(),
                environment(postgres, database, kafka, oidcUrl),
                log);
        try {
            process.awaitReady(START_LIMIT);
            warmUp(process.url() + service.warmUpPath());
        } finally {
            process.close(Duration.ofMinutes(5));
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException(
                    service.module() + "'s training run wrote no " + BenchVariants.TRAINED_CACHE + "; see " + log);
        }
    }

    /** What a service is started with: its database, the broker, the OIDC provider. */
    static Map<String, String> environment(
            EmbeddedPostgresServer postgres, String database, KafkaBroker kafka, String oidcUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", postgres.jdbcUrl(database));
        env.put("DB_USER", EmbeddedPostgresServer.USER);
        // Loopback only, as the local launcher: the services refuse development passwords otherwise.
        env.put("ALLOW_DEV_CREDENTIALS", "true");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("OIDC_URL", oidcUrl);
        env.put("LOG_JSON", "false");
        return env;
    }
}
