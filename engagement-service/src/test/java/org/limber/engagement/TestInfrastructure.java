package org.limber.engagement;

import io.quarkus.test.common.QuarkusTestResource;

import org.limber.testsupport.TestServers;

/**
 * Starts the real servers every {@code @QuarkusTest} of this service runs against: {@link TestServers}
 * (PostgreSQL, Kafka, the OIDC provider) and an SMTP server ({@link MailServer}, GreenMail).
 */
@QuarkusTestResource(TestServers.class)
@QuarkusTestResource(MailServer.class)
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
