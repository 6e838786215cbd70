package org.limber.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every module's main code is held to, written once here and checked by a
 * small {@code ArchitectureTest} in each module ({@code @AnalyzeClasses} of the module's own
 * packages, without its tests):
 *
 * <ul>
 *   <li>{@link #TIME_FROM_THE_CLOCK}: the time is read from the one injected {@link java.time.Clock}
 *       (service-common's {@code ClockProducer}), never from the wall clock directly.
 *   <li>{@link #domainLayer(String)}: a service's {@code domain} package imports nothing above it
 *       (its {@code rest}, {@code service}, {@code repository}, {@code messaging}, ...) and no framework.
 *   <li>{@link #messagingDirections(String)}: what comes in ({@code messaging.inbound}, calling services) and what
 *       goes out ({@code messaging.outbound}, called by services) import nothing that runs back up.
 *   <li>{@link #SIZE_LIMITS}: no class's source file over {@value #MAX_CLASS_LINES} lines, no method over
 *       {@value #MAX_METHOD_LINES}.
 * </ul>
 */
public final class ArchitectureRules {

    /** The one class that may read the system clock: it produces the services' {@code Clock} bean. */
    public static final String CLOCK_PRODUCER = "org.limber.common.time.ClockProducer";

    /** The types of {@code java.time} whose {@code now(...)} reads the system clock unless given a {@code Clock}. */
    private static final Set<String> NOW_TYPES = Set.of(
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.ZonedDateTime",
            "java.time.OffsetDateTime",
            "java.time.OffsetTime",
            "java.time.Year",
            "java.time.YearMonth",
            "java.time.MonthDay");

    /** Other methods that read the system clock, by owner ({@code new Date()} is checked on its own). */
    private static final Map<String, Set<String>> WALL_CLOCK = Map.of(
            "java.time.Clock",
            Set.of("systemUTC", "systemDefaultZone", "system", "tickMillis", "tickSeconds", "tickMinutes"),
            "java.time.InstantSource",
            Set.of("system"),
            "java.lang.System",
            Set.of("currentTimeMillis"),
            "java.util.Calendar",
            Set.of("getInstance"));

    /**
     * No class reads the wall clock ({@code Instant.now()}, {@code LocalDate.now(...)} and the other
     * {@code now}s without a {@code Clock}, {@code Clock.systemUTC()}, {@code System.currentTimeMillis()},
     * {@code new Date()}, ...), except {@value #CLOCK_PRODUCER} and a program's {@code main} method,
     * where a command-line program makes its clock. Elapsed time is measured with {@code System.nanoTime()},
     * which is allowed.
     */
    public static final ArchRule TIME_FROM_THE_CLOCK = classes()
            .should(readTheTimeOnlyFromTheClock())
            .because("the time comes from the one injected java.time.Clock (service-common's ClockProducer;"
                    + " a plain class is given the Clock, or the Instant or LocalDate, by its caller), so that a test"
                    + " can fix it");

    /** The most lines a class's source file may have. */
    public static final int MAX_CLASS_LINES = 300;

    /** The most lines a method or constructor may have, from the line of its name to its closing brace. */
    public static final int MAX_METHOD_LINES = 60;

    /**
     * No source file in {@code src/main/java} is over {@value #MAX_CLASS_LINES} lines and no method or
     * constructor in it over {@value #MAX_METHOD_LINES}: a larger one is split by responsibility. The
     * sources are found beside the module's compiled classes and parsed (see {@link SourceSize}).
     */
    public static final ArchRule SIZE_LIMITS = classes()
            .that()
            .areTopLevelClasses()
            .should(fitTheSizeLimits())
            .because("a class does one thing and a method fits on a screen: both are read far more often than"
                    + " written");

    private ArchitectureRules() {}

    /**
     * No class in {@code <root>.domain} depends on the packages above it in the same service
     * ({@code rest}, {@code service}, {@code repository}, {@code messaging}, {@code config}, {@code health},
     * {@code client}), nor on CDI, Quarkus or MicroProfile: the domain is plain logic the others call.
     */
    public static ArchRule domainLayer(String root) {
        List<String> above = List.of("rest", "service", "repository", "messaging", "config", "health", "client");
        String[] upward = above.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(root + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(upward)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.enterprise..",
                        "jakarta.inject..",
                        "io.quarkus..",
                        "org.eclipse.microprofile..",
                        "io.smallrye..")
                .because("the domain is plain logic: the layers above call it, it calls none of them")
                .allowEmptyShould(true);
    }

    /**
     * In a service whose {@code messaging} is split by direction: a publisher in {@code messaging.outbound} depends
     * on no service, resource or consumer (the services call it), and nothing but a consumer depends on
     * {@code messaging.inbound} (the consumers call the services, never the other way).
     */
    public static ArchRule messagingDirections(String root) {
        String inbound = root + ".messaging.inbound..";
        ArchRule outbound = noClasses()
                .that()
                .resideInAPackage(root + ".messaging.outbound..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".service..", root + ".rest..", inbound)
                .because("the services call the publishers of events out, never the other way");
        ArchRule consumers = noClasses()
                .that()
                .resideOutsideOfPackage(inbound)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(inbound)
                .because("the consumers of events in call the services, never the other way");
        return CompositeArchRule.of(outbound).and(consumers);
    }

    private static ArchCondition<JavaClass> fitTheSizeLimits() {
        return new ArchCondition<>(
                "have at most " + MAX_CLASS_LINES + " lines and no method over " + MAX_METHOD_LINES) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                SourceSize.of(javaClass).ifPresent(source -> check(javaClass, source, events));
            }

            private void check(JavaClass javaClass, SourceSize source, ConditionEvents events) {
                String file = source.file().getFileName().toString();
                if (source.lines() > MAX_CLASS_LINES) {
                    events.add(SimpleConditionEvent.violated(
                            javaClass,
                            javaClass.getName() + " (" + file + ") has " + source.lines() + " lines, over "
                                    + MAX_CLASS_LINES));
                }
                for (SourceSize.LongMethod method : source.methodsOver(MAX_METHOD_LINES)) {
                    events.add(SimpleConditionEvent.violated(
                            javaClass,
                            "Method " + method.name() + " ("
                                    + file + ":" + method.line() + ") has " + method.lines() + " lines, over "
                                    + MAX_METHOD_LINES));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> readTheTimeOnlyFromTheClock() {
        return new ArchCondition<>("read the time only from the injected Clock, never from the wall clock") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                    if (access instanceof JavaCodeUnitAccess<?> call
                            && readsWallClock(call.getTarget())
                            && !allowed(call.getOrigin())) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    static boolean readsWallClock(CodeUnitAccessTarget target) {
        String owner = target.getOwner().getName();
        String name = target.getName();
        if (NOW_TYPES.contains(owner) && name.equals("now")) {
            return target.getRawParameterTypes().stream().noneMatch(t -> t.isAssignableTo("java.time.Clock"));
        }
        if (owner.equals("java.util.Date") && name.equals(JavaConstructor.CONSTRUCTOR_NAME)) {
            return target.getRawParameterTypes().isEmpty();
        }
        return WALL_CLOCK.getOrDefault(owner, Set.of()).contains(name);
    }

    /** The clock producer, and {@code public static void main(String[])} (a program's entry point). */
    static boolean allowed(JavaCodeUnit origin) {
        if (origin.getOwner().getName().equals(CLOCK_PRODUCER)) {
            return true;
        }
        return origin.getName().equals("main")
                && origin.getModifiers().contains(JavaModifier.STATIC)
                && origin.getRawParameterTypes().size() == 1
                && origin.getRawParameterTypes().get(0).getName().equals(String[].class.getName());
    }
}
