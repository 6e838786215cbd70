package org.limber.common;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.limber.testsupport.TestServers;

/** Starts the real servers service-common's {@code @QuarkusTest}s run against: {@link TestServers}, without OIDC. */
@QuarkusTestResource(value = TestServers.class, initArgs = @ResourceArg(name = TestServers.OIDC, value = "false"))
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
