package org.limber.engagement;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.limber.testsupport.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The main code against test-support's {@link ArchitectureRules}, and the direction of messaging: what comes in
 * ({@code messaging.inbound}, consumers that call the services) and what goes out ({@code messaging.outbound},
 * publishers the services call) are apart, and no import runs back up.
 */
@AnalyzeClasses(packages = "org.limber.engagement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "org.limber.engagement";

    @ArchTest
    static final ArchRule timeFromTheClock = ArchitectureRules.TIME_FROM_THE_CLOCK;

    @ArchTest
    static final ArchRule sizeLimits = ArchitectureRules.SIZE_LIMITS;

    @ArchTest
    static final ArchRule domainLayer = ArchitectureRules.domainLayer(ROOT);

    @ArchTest
    static final ArchRule outboundCallsNothingAbove = noClasses()
            .that()
            .resideInAPackage(ROOT + ".messaging.outbound..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".messaging.inbound..", ROOT + ".service..", ROOT + ".rest..")
            .because("the services call the publishers, never the other way round")
            // Nothing is published yet (the outbox is wired for engagement.events): the rule holds for what comes.
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingCallsTheConsumers = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".messaging.inbound..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".messaging.inbound..")
            .because("the consumers take events in and call the services; nothing calls them");

    @ArchTest
    static final ArchRule messagingIsInboundOrOutbound = noClasses()
            .should()
            .resideInAPackage(ROOT + ".messaging")
            .because(
                    "a messaging class either takes events in (messaging.inbound) or sends them out (messaging.outbound)");
}
