package org.limber.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.limber.testsupport.ArchitectureRules;

/** The main code against test-support's {@link ArchitectureRules}. */
@AnalyzeClasses(packages = "org.limber.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule timeFromTheClock = ArchitectureRules.TIME_FROM_THE_CLOCK;
}
