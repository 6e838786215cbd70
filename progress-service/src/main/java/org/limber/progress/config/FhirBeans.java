package org.limber.progress.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ca.uhn.fhir.context.FhirContext;

/** One HAPI FhirContext for R4 (costly to build, thread-safe once built). */
public class FhirBeans {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
