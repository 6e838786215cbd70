package org.limber.launcher;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What {@link PrivacyCheck} looks at after an erasure: every service's database on the launcher's embedded
 * PostgreSQL (each service's database and role, password = name, as {@link PostgresProcess} makes them), every
 * column of a type that can hold an id or a name (text, varchar, char, uuid, json, jsonb) of every table, for the
 * member's id or username (case ignored); and routine.member-events read from its start with a plain consumer, to
 * publish one of the member's old records again, with its key and headers.
 */
final class PrivacyScan {

    static final List<String> DATABASES = List.of("catalog", "routine", "progress", "engagement");
    static final String MEMBER_EVENTS = "routine.member-events";

    /** The columns that can hold an id or a name, in every base table outside PostgreSQL's own schemas. */
    static final String COLUMNS = """
            select c.table_schema, c.table_name, c.column_name
              from information_schema.columns c
              join information_schema.tables t
                on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
             where c.table_schema not in ('pg_catalog', 'information_schema')
               and c.data_type in ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb')
             order by 1, 2, 3""";

    private final Ports ports;
    private final String memberId;
    private final String username;

    PrivacyScan(Ports ports, String memberId, String username) {
        this.ports = ports;
        this.memberId = memberId;
        this.username = username;
    }

    /** Every "database.schema.table.column (n rows)" holding the member's id or username; empty when none. */
    List<String> databases() {
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection connection =
                    DriverManager.getConnection(PostgresProcess.jdbcUrl(ports, database), database, database)) {
                found.addAll(scan(connection, database));
            } catch (SQLException e) {
                found.add(database + ": could not be scanned (" + e.getMessage() + ")");
            }
        }
        return found;
    }

    private List<String> scan(Connection connection, String database) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        List<String> found = new ArrayList<>();
        for (String[] c : columns) {
            String column = quoted(c[2]);
            String sql = "select count(*) from " + quoted(c[0]) + "." + quoted(c[1]) + " where strpos(lower(" + column
                    + "::text), ?) > 0 or strpos(lower(" + column + "::text), ?) > 0";
            try (PreparedStatement count = connection.prepareStatement(sql)) {
                count.setString(1, memberId.toLowerCase(Locale.ROOT));
                count.setString(2, username.toLowerCase(Locale.ROOT));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    long n = rows.getLong(1);
                    if (n > 0) {
                        found.add(database + "." + c[0] + "." + c[1] + "." + c[2] + " (" + n + " rows)");
                    }
                }
            }
        }
        return found;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * Reads routine.member-events from its start and publishes the member's first record again (same key, value
     * and headers); answers where it was found ("offset ..."), or why nothing was published.
     */
    String republishOldRecord() {
        ConsumerRecord<byte[], byte[]> old = firstRecordOfTheMember();
        if (old == null) {
            return "no record of the member with a value is left on " + MEMBER_EVENTS;
        }
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(MEMBER_EVENTS, old.partition(), old.key(), old.value(), old.headers()))
                    .get();
        } catch (Exception e) {
            return "publishing failed: " + e;
        }
        return "offset " + old.offset() + " of partition " + old.partition();
    }

    private ConsumerRecord<byte[], byte[]> firstRecordOfTheMember() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        byte[] key = memberId.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(MEMBER_EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !atEnd(consumer, ends)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (r.value() != null && Arrays.equals(r.key(), key)) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private String bootstrap() {
        return "localhost:" + ports.kafka();
    }
}
