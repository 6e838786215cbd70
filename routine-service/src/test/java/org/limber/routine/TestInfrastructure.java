package org.limber.routine;

import io.quarkus.test.common.QuarkusTestResource;

import org.limber.testsupport.TestServers;

/** Starts the real servers every {@code @QuarkusTest} of this service runs against: {@link TestServers}. */
@QuarkusTestResource(TestServers.class)
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
