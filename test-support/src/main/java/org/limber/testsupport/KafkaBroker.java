package org.limber.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
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
        return start(baseDir, new TestKitNodes.Builder(), Map.of());
    }

    /**
     * A broker configured as a deployment is: {@code settings} are server properties (listeners
     * and their security protocols, SASL mechanisms and logins, the authorizer, super users), and
     * override the test defaults. Every listener of {@code listener.security.protocol.map} listens
     * on a free port of localhost; {@code clientListener} is the one {@link #bootstrapServers()}
     * names, {@link #bootstrapServers(String)} gives the others.
     */
    public static KafkaBroker start(Path baseDir, Map<String, String> settings, String clientListener) {
        Map<String, SecurityProtocol> protocols = new LinkedHashMap<>();
        for (String entry : settings.get("listener.security.protocol.map").split(",")) {
            String[] nameAndProtocol = entry.trim().split(":");
            protocols.put(nameAndProtocol[0], SecurityProtocol.forName(nameAndProtocol[1]));
        }
        String controller = settings.get("controller.listener.names");
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setBrokerListenerName(new ListenerName(clientListener))
                .setBrokerSecurityProtocol(protocols.get(clientListener))
                .setControllerListenerName(new ListenerName(controller))
                .setControllerSecurityProtocol(protocols.get(controller));
        Map<String, String> config = new LinkedHashMap<>(settings);
        config.put(
                "listeners",
                protocols.keySet().stream().map(name -> name + "://localhost:0").collect(Collectors.joining(",")));
        return start(baseDir, nodes, config);
    }

    private static KafkaBroker start(Path baseDir, TestKitNodes.Builder nodeSettings, Map<String, String> settings) {
        try {
            Files.createDirectories(baseDir);
            TestKitNodes nodes = nodeSettings
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDir)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.cleaner.backoff.ms", "1000")
                    .setDeleteOnClose(true);
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
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

    /** The address of the broker's listener {@code listener} (for a broker started with settings). */
    public String bootstrapServers(String listener) {
        return "localhost:" + brokers().iterator().next().boundPort(new ListenerName(listener));
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
