package org.limber.progress.messaging.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a poll is split into groups applied at once: whole partitions, in order, balanced. */
class PartitionGroupsTest {

    private static final String TOPIC = "routine.member-events";

    @Test
    void eachPartitionGoesWholeAndInOrderIntoOneGroupAndTheGroupsAreBalanced() {
        ConsumerRecords<String, String> poll = poll(Map.of(0, 50, 1, 10, 2, 40, 3, 30, 4, 20, 5, 5));

        List<List<ConsumerRecord<String, String>>> groups = MemberEventsConsumer.byPartition(poll, 2);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).size() + groups.get(1).size()).isEqualTo(155);
        // Largest first into the smaller group: {50, 20, 10} and {40, 30, 5}.
        assertThat(groups).extracting(List::size).containsExactlyInAnyOrder(80, 75);
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            long previous = -1;
            int previousPartition = -1;
            for (ConsumerRecord<String, String> record : groups.get(g)) {
                Integer before = groupOf.putIfAbsent(record.partition(), g);
                assertThat(before == null || before == g)
                        .as("partition %d in one group only", record.partition())
                        .isTrue();
                if (record.partition() == previousPartition) {
                    assertThat(record.offset()).isGreaterThan(previous);
                }
                previous = record.offset();
                previousPartition = record.partition();
            }
        }
        assertThat(groupOf).hasSize(6);
    }

    @Test
    void noMoreGroupsThanPartitionsAndOneGroupForAnEmptyPoll() {
        assertThat(MemberEventsConsumer.byPartition(poll(Map.of(3, 7)), 4)).hasSize(1);
        assertThat(MemberEventsConsumer.byPartition(poll(Map.of(1, 2, 2, 2)), 1))
                .singleElement()
                .extracting(List::size)
                .isEqualTo(4);
        assertThat(MemberEventsConsumer.byPartition(poll(Map.of()), 2))
                .singleElement()
                .extracting(List::isEmpty)
                .isEqualTo(true);
    }

    /** A poll with {@code counts.get(p)} records of partition p, keyed by member as routine-service keys them. */
    private static ConsumerRecords<String, String> poll(Map<Integer, Integer> counts) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new HashMap<>();
        counts.forEach((partition, count) -> {
            List<ConsumerRecord<String, String>> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(new ConsumerRecord<>(TOPIC, partition, 100 + i, "member-" + partition, "{}"));
            }
            records.put(new TopicPartition(TOPIC, partition), list);
        });
        return new ConsumerRecords<>(records, Map.<TopicPartition, OffsetAndMetadata>of());
    }
}
