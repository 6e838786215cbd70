package org.limber.testsupport;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Kafka broker (KRaft) for the test run and points the Kafka connector at it: in the
 * test's JVM, or with the init argument {@value #OWN_PROCESS} {@code true} in a JVM of its own (as in
 * production; for benchmarks, where a broker in the test's JVM would take the service's cores and
 * heap).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: whether the broker runs in a process of its own (default {@code false}). */
    public static final String OWN_PROCESS = "kafka-own-process";

    private static final String[] NOISY = {"kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper"};
    private static KafkaBroker broker;

    private boolean ownProcess;

    @Override
    public void init(Map<String, String> args) {
        ownProcess = Boolean.parseBoolean(args.getOrDefault(OWN_PROCESS, "false"));
    }

    @Override
    public synchronized Map<String, String> start() {
        for (String category : NOISY) {
            Logger.getLogger(category).setLevel(Level.WARNING);
        }
        if (broker == null) {
            broker = ownProcess
                    ? KafkaBroker.startInOwnProcess(TestDirs.fresh("kafka"))
                    : KafkaBroker.start(TestDirs.fresh("kafka"));
        }
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN",
                "quarkus.log.category.\"state.change.logger\".level", "WARN");
    }

    /** The running broker, for tests that read topics or stop and restart it. */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
