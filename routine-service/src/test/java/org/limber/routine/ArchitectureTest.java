package org.limber.routine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.limber.testsupport.ArchitectureRules;

/** The main code against test-support's {@link ArchitectureRules}. */
@AnalyzeClasses(packages = "org.limber.routine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule timeFromTheClock = ArchitectureRules.TIME_FROM_THE_CLOCK;

    @ArchTest
    static final ArchRule sizeLimits = ArchitectureRules.SIZE_LIMITS;

    @ArchTest
    static final ArchRule domainLayer = ArchitectureRules.domainLayer("org.limber.routine");

    @ArchTest
    static final ArchRule messagingDirections = ArchitectureRules.messagingDirections("org.limber.routine");
}
