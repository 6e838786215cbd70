package org.limber.common;

import io.quarkus.test.common.QuarkusTestResource;

import org.limber.testsupport.KafkaTestResource;
import org.limber.testsupport.PostgresTestResource;

/** The real servers service-common's {@code @QuarkusTest}s run against: PostgreSQL and a Kafka broker. */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true)
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
