package org.limber.common.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading Kafka record headers. */
public final class Headers {

    /** The CloudEvents type header of binary-mode events. */
    public static final String CE_TYPE = "ce_type";

    private Headers() {}

    /** The last value of the header as UTF-8 text, or null when the record has none. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
