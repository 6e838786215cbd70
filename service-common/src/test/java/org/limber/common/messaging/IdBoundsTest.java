package org.limber.common.messaging;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import org.limber.common.rest.IdParameters;
import org.limber.events.Ids;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One bound for every id, everywhere: every id of every event contract (each {@code String}
 * component named {@code ...Id} or {@code ...By}) is taken in by the shared {@link EventIntake} at
 * {@link Ids#MAX_LENGTH} characters and refused (a dead letter) one character over; the intake's
 * bound, the path and query parameters' bound ({@link IdParameters}, every service) and the
 * request bodies' ({@code @Size(max = Ids.MAX_LENGTH)}) are that one constant.
 */
class IdBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void everyIdOfEveryEventIsHeldToTheOneBound() throws Exception {
        List<String> checked = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().importPackages("org.limber.events")) {
            Class<?> event = type.reflect();
            if (!event.isRecord() || !event.getPackageName().startsWith("org.limber.events")) {
                continue;
            }
            for (RecordComponent id : EventBounds.idComponents(event)) {
                assertThat(taken(event, id, "i".repeat(Ids.MAX_LENGTH)))
                        .as("%s.%s of %d characters", event.getSimpleName(), id.getName(), Ids.MAX_LENGTH)
                        .isTrue();
                assertThat(taken(event, id, "i".repeat(Ids.MAX_LENGTH + 1)))
                        .as("%s.%s of %d characters", event.getSimpleName(), id.getName(), Ids.MAX_LENGTH + 1)
                        .isFalse();
                assertThat(taken(event, id, " ")).as("a blank %s", id.getName()).isFalse();
                checked.add(event.getSimpleName() + "." + id.getName());
            }
        }
        // Every member event names its member; the care-team events their clinician and admin too.
        assertThat(checked)
                .contains(
                        "CareTeamAssigned.memberId",
                        "CareTeamAssigned.clinicianId",
                        "CareTeamAssigned.assignedBy",
                        "PlanAssigned.clinicianId",
                        "SessionCompleted.memberId",
                        "ProgressAssessed.memberId",
                        "CareAlertRaised.clinicianId")
                .hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void requestsAndEventsShareTheConstant() {
        assertThat(EventBounds.MAX_ID_LENGTH).isEqualTo(Ids.MAX_LENGTH);
        assertThat(IdParameters.MESSAGE).contains(String.valueOf(Ids.MAX_LENGTH));
        IdParameters.check(Map.of("memberId", List.of("m".repeat(Ids.MAX_LENGTH)), "q", List.of("q".repeat(500))));
        assertThatThrownBy(() -> IdParameters.check(Map.of("clinicianId", List.of("c".repeat(Ids.MAX_LENGTH + 1)))))
                .hasMessageContaining("clinicianId");
    }

    /** Whether the shared intake takes the event, as JSON from the broker, with {@code value} as that id. */
    private static boolean taken(Class<?> event, RecordComponent id, String value) throws Exception {
        RecordComponent[] components = event.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getName().equals(id.getName()) ? value : neutral(components[i].getType());
        }
        Constructor<?> constructor = event.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
        byte[] json = JSON.writeValueAsBytes(constructor.newInstance(args));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 0, 0, "key", json);
        record.headers().add(new RecordHeader(Headers.CE_TYPE, event.getName().getBytes(UTF_8)));
        EventIntake.EventType<?> kind =
                new EventIntake.EventType<>(event.getName(), event, Integer.MAX_VALUE, e -> 1, e -> true);
        try {
            new EventIntake(JSON).parse(record, List.of(kind));
            return true;
        } catch (EventIntake.Rejected e) {
            return false;
        }
    }

    private static Object neutral(Class<?> type) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }
}
