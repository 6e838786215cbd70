package org.limber.progress;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import org.limber.testsupport.KafkaTestResource;
import org.limber.testsupport.PostgresTestResource;

/**
 * The real servers every {@code @QuarkusTest} of this service runs against, started once per
 * test run: PostgreSQL, a Kafka broker, and an OIDC provider issuing signed tokens.
 */
@QuarkusTestResource(value = PostgresTestResource.class, parallel = true)
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, parallel = true)
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
