package org.limber.common;

import org.limber.testsupport.KafkaTestResource;
import org.limber.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The real servers service-common's {@code @QuarkusTest}s run against: PostgreSQL and a Kafka broker. */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true)
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
