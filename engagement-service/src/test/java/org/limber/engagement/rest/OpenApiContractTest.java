package org.limber.engagement.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.OpenApiContract;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document as a client generator's contract: operationIds, success and error responses with schemas. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void everyOperationHasAnIdAndItsSuccessAndErrorResponsesWithSchemas() {
        assertThat(OpenApiContract.problems()).isEmpty();
    }
}
