package org.limber.simulator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.limber.testsupport.ArchitectureRules;

/** The main code against test-support's {@link ArchitectureRules} (a program: its clock is made in {@code main}). */
@AnalyzeClasses(packages = "org.limber.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule timeFromTheClock = ArchitectureRules.TIME_FROM_THE_CLOCK;

    @ArchTest
    static final ArchRule sizeLimits = ArchitectureRules.SIZE_LIMITS;
}
