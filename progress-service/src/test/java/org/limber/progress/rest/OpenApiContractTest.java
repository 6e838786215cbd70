package org.limber.progress.rest;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.limber.testsupport.AuthorizationMatrix;
import org.limber.testsupport.OpenApiContract;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document as a client generator's contract (OpenApiContract), and the member app's calls in it. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void everyOperationHasAnIdAndItsSuccessAndErrorResponsesWithSchemas() {
        assertThat(OpenApiContract.problems()).isEmpty();
    }

    @Test
    void everyCallOfTheMemberAppIsAnOperationOfTheDocument() {
        List<String> calls = OpenApiContract.appCalls("progress");
        assertThat(calls).isNotEmpty();
        assertThat(AuthorizationMatrix.operations().keySet()).containsAll(calls);
    }
}
