package org.limber.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records of a dead-letter topic back to the topic they came from, once the cause is
 * fixed: all of them, or one partition's range of offsets. Key, value and headers are kept (the
 * {@code dead-letter-*} headers are dropped, a {@code replayed-from} header names the dead letter),
 * so the consumers, which apply an event once however often it comes, see the event as it was sent.
 * Reads without a consumer group (nothing is committed) and stops at the end the topic had at start.
 *
 * <pre>
 * java -cp "launcher/target/limber-launcher.jar:launcher/target/lib/*" org.limber.launcher.DeadLetterReplay \
 *     --bootstrap localhost:9092 --topic routine.catalog-exercises.dlq [--to catalog.exercises] \
 *     [--partition 0 [--from-offset 10] [--to-offset 20]] [--command-config admin.properties]
 * </pre>
 */
public final class DeadLetterReplay {

    /** What to replay: the dead-letter topic, an optional target, partition and inclusive offset range. */
    record Options(
            String bootstrap,
            String topic,
            String to,
            Integer partition,
            long fromOffset,
            long toOffset,
            String commandConfig) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                values.put(args[i].substring(2), args[++i]);
            }
            List<String> known =
                    List.of("bootstrap", "topic", "to", "partition", "from-offset", "to-offset", "command-config");
            values.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option --" + k);
            });
            if (!values.containsKey("bootstrap") || !values.containsKey("topic")) {
                throw new IllegalArgumentException("--bootstrap and --topic are required");
            }
            Integer partition = values.containsKey("partition") ? Integer.valueOf(values.get("partition")) : null;
            if (partition == null && (values.containsKey("from-offset") || values.containsKey("to-offset"))) {
                throw new IllegalArgumentException("an offset range needs --partition");
            }
            long from = Long.parseLong(values.getOrDefault("from-offset", "0"));
            long to = Long.parseLong(values.getOrDefault("to-offset", String.valueOf(Long.MAX_VALUE)));
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("--from-offset must be >= 0 and <= --to-offset");
            }
            return new Options(
                    values.get("bootstrap"),
                    values.get("topic"),
                    values.get("to"),
                    partition,
                    from,
                    to,
                    values.get("command-config"));
        }
    }

    private DeadLetterReplay() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("DeadLetterReplay: " + e.getMessage());
            System.exit(2);
            return;
        }
        int replayed = replay(options, System.out);
        System.out.println("Replayed " + replayed + " dead letters from " + options.topic());
    }

    /** Replays what the options select; returns how many records were sent (each acknowledged by the broker). */
    static int replay(Options options, PrintStream log) throws InterruptedException, ExecutionException {
        Properties login = login(options);
        Properties consumerProps = new Properties();
        consumerProps.putAll(login);
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties producerProps = new Properties();
        producerProps.putAll(login);
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(options.topic(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .filter(p -> options.partition() == null || p.partition() == options.partition())
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no partition "
                        + (options.partition() == null ? "" : options.partition() + " ") + "of " + options.topic());
            }
            Map<TopicPartition, Long> ends = seek(consumer, partitions, options);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    sent.add(producer.send(resend(record, options.to())));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
            log.printf("%d records of %s sent back%n", sent.size(), options.topic());
            return sent.size();
        }
    }

    /** A broker that requires a login (docker-compose's): its client settings, as Kafka's own tools take them. */
    private static Properties login(Options options) {
        Properties login = new Properties();
        if (options.commandConfig() != null) {
            try (var reader = Files.newBufferedReader(Path.of(options.commandConfig()))) {
                login.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + options.commandConfig(), e);
            }
        }
        return login;
    }

    /**
     * Assigns the partitions and seeks each to the first offset to replay; returns where each replay stops: after
     * --to-offset, or at the end the partition had when the replay began.
     */
    private static Map<TopicPartition, Long> seek(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Options options) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            long start = Math.max(starts.get(partition), options.fromOffset());
            ends.put(
                    partition,
                    Math.min(
                            ends.get(partition),
                            options.toOffset() == Long.MAX_VALUE ? Long.MAX_VALUE : options.toOffset() + 1));
            consumer.seek(partition, start);
        }
        return ends;
    }

    /** The record for its source topic: the same key, value and headers, without the dead-letter headers. */
    static ProducerRecord<byte[], byte[]> resend(ConsumerRecord<byte[], byte[]> record, String to) {
        String target = to;
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.key().equals("dead-letter-topic") && target == null) {
                target = new String(header.value(), StandardCharsets.UTF_8);
            }
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        if (target == null) {
            throw new IllegalStateException(record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has no dead-letter-topic header: name the target with --to");
        }
        headers.add(
                "replayed-from",
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }
}
