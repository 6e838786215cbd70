package org.limber.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode (one combined broker and controller node), run in
 * process with Kafka's own test kit. Its listener port survives {@link #stopBroker()} and
 * {@link #startBroker()}, so clients reconnect to the same address.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDir)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.cleaner.backoff.ms", "1000")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start in " + baseDir, e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker (the controller keeps running), as when Kafka is down for a while. */
    public void stopBroker() {
        brokers().forEach(BrokerServer::shutdown);
        brokers().forEach(BrokerServer::awaitShutdown);
    }

    /** Starts the stopped broker again on the same port and waits until it serves requests. */
    public void startBroker() {
        brokers().forEach(BrokerServer::startup);
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not come back", e);
        }
    }

    private Collection<BrokerServer> brokers() {
        return cluster.brokers().values();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not stop cleanly", e);
        }
    }
}
