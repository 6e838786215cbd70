package org.limber.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.SecurityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.limber.testsupport.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docker-compose.yml's Kafka, for real: one in-process broker with the security settings of the
 * compose file's kafka service (its KAFKA_* variables, secrets from ops/compose.test.env), the
 * SCRAM logins and the ACLs of ops/kafka/acls applied as ops/kafka/setup.sh applies them. Each
 * service's principal can then do what the service's own application.properties asks (create its
 * topics, write its outgoing and dead-letter topics, read its incoming topics with its groups),
 * only routine-service can write member events, and a wrong password is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSecurityTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, String> MODULES = new LinkedHashMap<>();
    /** Settings of the compose file that only make sense in its container (addresses, folders, node). */
    private static final Set<String> DEPLOYMENT_ONLY = Set.of(
            "node.id", "process.roles", "listeners", "advertised.listeners", "controller.quorum.voters", "log.dirs");

    private static Map<String, String> secrets;
    private static KafkaBroker broker;

    static {
        MODULES.put("catalog", "catalog-service");
        MODULES.put("routine", "routine-service");
        MODULES.put("progress", "progress-service");
        MODULES.put("engagement", "engagement-service");
    }

    @BeforeAll
    static void startTheBrokerAsComposeDoesAndApplyTheAcls() throws Exception {
        secrets = envFile(ROOT.resolve("ops/compose.test.env"));
        Map<String, String> settings = composeKafkaSettings();
        assertThat(settings)
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:admin")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        broker = KafkaBroker.start(Files.createTempDirectory(Path.of("target"), "kafka-sasl"), settings, "CLIENT");
        List<Acl> acls = Acl.read(ROOT.resolve("ops/kafka/acls"));
        try (Admin admin = Admin.create(adminLogin())) {
            List<UserScramCredentialUpsertion> logins = new ArrayList<>();
            for (String user : new TreeSet<>(acls.stream().map(Acl::user).toList())) {
                logins.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user)));
            }
            admin.alterUserScramCredentials(new ArrayList<>(logins)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls.stream()
                            .flatMap(acl -> acl.bindings().stream())
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceMayDoWhatItsConfigurationNeedsAndOnlyRoutineWritesMemberEvents() throws Exception {
        Map<String, Needs> needs = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            needs.put(service.getKey(), Needs.of(service.getValue()));
        }
        assertThat(needs.get("routine").writes).contains("routine.member-events");
        assertThat(needs.get("progress").reads).containsEntry("routine.member-events", "progress-service");

        // As TopicSetup does at start: create the topics that are missing, bring settings in line.
        for (Map.Entry<String, Needs> service : needs.entrySet()) {
            try (Admin admin = Admin.create(login(service.getKey(), password(service.getKey())))) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = new ArrayList<>();
                Map<ConfigResource, Collection<AlterConfigOp>> updates = new HashMap<>();
                service.getValue().topics.forEach((name, config) -> {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, 1, (short) 1).configs(config));
                    } else if (!config.isEmpty()) {
                        updates.put(
                                new ConfigResource(ConfigResource.Type.TOPIC, name),
                                config.entrySet().stream()
                                        .map(e -> new AlterConfigOp(
                                                new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                                        .toList());
                    }
                });
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                admin.incrementalAlterConfigs(updates).all().get(10, TimeUnit.SECONDS);
            }
        }
        // Each service writes its topics, then reads its incoming topics with its consumer groups.
        for (Map.Entry<String, Needs> service : needs.entrySet()) {
            try (KafkaProducer<String, String> producer = producer(service.getKey(), password(service.getKey()))) {
                for (String topic : service.getValue().writes) {
                    producer.send(new ProducerRecord<>(topic, "key", "from " + service.getKey()))
                            .get(15, TimeUnit.SECONDS);
                }
            }
        }
        for (Map.Entry<String, Needs> service : needs.entrySet()) {
            service.getValue()
                    .reads
                    .forEach((topic, group) -> assertThat(readOne(service.getKey(), topic, group))
                            .as("%s reads %s with group %s", service.getKey(), topic, group)
                            .isTrue());
        }

        // Nobody but routine-service may write member events.
        for (String other : List.of("progress", "catalog")) {
            try (KafkaProducer<String, String> producer = producer(other, password(other))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("routine.member-events", "key", "forged"))
                                .get(15, TimeUnit.SECONDS))
                        .as("%s writes member events", other)
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    @Order(2) // after the topics exist
    void aServiceCannotUseAnotherServicesGroupNorDeleteTopics() throws Exception {
        assertThatThrownBy(() -> readOne("progress", "routine.member-events", "routine-service-catalog"))
                .isInstanceOf(GroupAuthorizationException.class);
        try (Admin admin = Admin.create(login("progress", password("progress")))) {
            assertThatThrownBy(() -> admin.deleteTopics(List.of("routine.member-events"))
                            .all()
                            .get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    @Order(3) // after the dead-letter topic has a record
    void theAdminReplaysADeadLetterTopicWithItsLogin() throws Exception {
        Path config = Files.createTempFile(Path.of("target"), "admin", ".properties");
        Properties login = new Properties();
        adminLogin().forEach((key, value) -> login.setProperty(key, value.toString()));
        try (var writer = Files.newBufferedWriter(config)) {
            login.store(writer, "as ops/kafka/setup.sh writes it");
        }
        DeadLetterReplay.Options options = DeadLetterReplay.Options.parse(new String[] {
            "--bootstrap",
            broker.bootstrapServers("BROKER"),
            "--topic",
            "progress.member-events.dlq",
            "--to",
            "routine.member-events",
            "--command-config",
            config.toString()
        });
        assertThat(DeadLetterReplay.replay(options, System.out)).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Admin admin = Admin.create(login("routine", password("routine") + "-wrong"))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Reads records of {@code topic} as {@code user} in {@code group}; true once one arrived and its offset was committed. */
    private static boolean readOne(String user, String topic, String group) {
        Map<String, Object> config = login(user, password(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    consumer.commitSync(Duration.ofSeconds(10));
                    return true;
                }
            }
            return false;
        }
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = login(user, password);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A service's client settings, as its %prod configuration builds them (service-common). */
    private static Map<String, Object> login(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        return config;
    }

    /** The admin's settings, as ops/kafka/setup.sh writes them: SASL/PLAIN on the inter-broker listener. */
    private static Map<String, Object> adminLogin() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers("BROKER"));
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                        + secrets.get("KAFKA_ADMIN_PASSWORD") + "\";");
        return config;
    }

    /** A principal's password, from the variable ops/kafka/setup.sh reads (KAFKA_<NAME>_PASSWORD). */
    private static String password(String user) {
        String variable = "KAFKA_" + user.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
        assertThat(secrets).as("test value of %s", variable).containsKey(variable);
        return secrets.get(variable);
    }

    /**
     * The broker settings of docker-compose.yml's kafka service: every KAFKA_ variable turned back into
     * its property as the apache/kafka image does ({@code _} is {@code .}, {@code __} is {@code _},
     * {@code ___} is {@code -}), with the compose variables substituted.
     */
    private static Map<String, String> composeKafkaSettings() throws IOException {
        JsonNode environment = new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("docker-compose.yml").toFile())
                .path("services")
                .path("kafka")
                .path("environment");
        Map<String, String> settings = new TreeMap<>();
        environment.fields().forEachRemaining(variable -> {
            String name = variable.getKey();
            if (!name.startsWith("KAFKA_") || name.equals("KAFKA_HEAP_OPTS")) {
                return;
            }
            String property = name.substring("KAFKA_".length())
                    .replace("___", "\u0001")
                    .replace("__", "\u0002")
                    .replace('_', '.')
                    .replace('\u0001', '-')
                    .replace('\u0002', '_')
                    .toLowerCase(Locale.ROOT);
            if (!DEPLOYMENT_ONLY.contains(property)) {
                settings.put(property, substitute(variable.getValue().asText()));
            }
        });
        return settings;
    }

    private static String substitute(String value) {
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[?-][^}]*)?}").matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            assertThat(secrets).as("test value of %s", matcher.group(1)).containsKey(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(secrets.get(matcher.group(1))));
        }
        return matcher.appendTail(result).toString();
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    /** One line of ops/kafka/acls: the arguments of {@code kafka-acls.sh --add}. */
    record Acl(String principal, List<AclOperation> operations, ResourceType type, String name) {

        static List<Acl> read(Path file) throws IOException {
            List<Acl> acls = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    acls.add(parse(line.trim().split("\\s+")));
                }
            }
            assertThat(acls).as("ACLs in %s", file).isNotEmpty();
            return acls;
        }

        static Acl parse(String[] args) {
            String principal = null;
            String name = null;
            ResourceType type = null;
            List<AclOperation> operations = new ArrayList<>();
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--allow-principal" -> principal = value;
                    case "--operation" -> operations.add(SecurityUtils.operation(value));
                    case "--topic" -> {
                        type = ResourceType.TOPIC;
                        name = value;
                    }
                    case "--group" -> {
                        type = ResourceType.GROUP;
                        name = value;
                    }
                    default -> throw new IllegalArgumentException("ops/kafka/acls: unsupported option " + args[i]);
                }
            }
            assertThat(principal).as("principal in %s", String.join(" ", args)).startsWith("User:");
            assertThat(name).as("resource in %s", String.join(" ", args)).isNotBlank();
            assertThat(operations).isNotEmpty().doesNotContain(AclOperation.ALL);
            return new Acl(principal, operations, type, name);
        }

        String user() {
            return principal.substring("User:".length());
        }

        List<AclBinding> bindings() {
            return operations.stream()
                    .map(operation -> new AclBinding(
                            new ResourcePattern(type, name, PatternType.LITERAL),
                            new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)))
                    .toList();
        }
    }

    /**
     * What a service's application.properties asks of Kafka: the topics it creates at start (with
     * their settings), the topics it reads with their consumer group, and the topics it writes
     * (its outgoing and dead-letter topics, and the topics it creates but does not read: those its
     * outbox sends to).
     */
    static final class Needs {
        final Map<String, Map<String, String>> topics = new TreeMap<>();
        final Map<String, String> reads = new TreeMap<>();
        final Set<String> writes = new LinkedHashSet<>();

        static Needs of(String module) throws IOException {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            Needs needs = new Needs();
            Pattern topic = Pattern.compile("limber\\.kafka\\.topics\\.\"([^\"]+)\"\\.(.*)");
            Pattern channel = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                String value = defaultOf(properties.getProperty(key));
                Matcher t = topic.matcher(key);
                Matcher c = channel.matcher(key);
                if (t.matches()) {
                    Map<String, String> config = needs.topics.computeIfAbsent(t.group(1), n -> new TreeMap<>());
                    Matcher setting = Pattern.compile("config\\.\"([^\"]+)\"").matcher(t.group(2));
                    if (setting.matches()) {
                        config.put(setting.group(1), value);
                    }
                } else if (c.matches() && c.group(1).equals("incoming")) {
                    needs.reads.put(
                            value,
                            defaultOf(properties.getProperty("mp.messaging.incoming." + c.group(2) + ".group.id")));
                } else if (c.matches() || key.endsWith(".dead-letter-queue.topic")) {
                    needs.writes.add(value);
                }
            }
            needs.topics.keySet().stream()
                    .filter(name -> !needs.reads.containsKey(name))
                    .forEach(needs.writes::add);
            return needs;
        }

        /** The default of a {@code ${VARIABLE:default}} value, or the value. */
        private static String defaultOf(String value) {
            Matcher matcher = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}").matcher(value);
            return matcher.matches() ? matcher.group(1) : value;
        }
    }
}
