package org.limber.testsupport;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The main code of test-support, and of the two modules below it that have no tests of their own
 * (event-contracts, exercise-content), against {@link ArchitectureRules}' size limits. The clock
 * rule is for service code: test infrastructure mints tokens and waits on the real time.
 */
@AnalyzeClasses(
        packages = {"org.limber.testsupport", "org.limber.events", "org.limber.content"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sizeLimits = ArchitectureRules.SIZE_LIMITS;
}
