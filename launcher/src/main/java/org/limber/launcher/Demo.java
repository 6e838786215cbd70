package org.limber.launcher;

import java.time.Clock;

import org.limber.simulator.Simulator;
import org.limber.simulator.SimulatorConfig;

/** The demo data: members enrolled and their weeks played through the APIs by the simulator, then its report. */
final class Demo {

    private final Simulator simulator;
    private final Console console;
    private Simulator.Played played;

    Demo(Ports ports, LaunchOptions options, boolean firstRun, Console console, Clock clock) {
        SimulatorConfig.Builder config = SimulatorConfig.local(ports.routine(), ports.progress(), ports.keycloak())
                .members(options.members())
                .plainOutput(options.headless());
        if (!firstRun) {
            // A second cohort (--demo on existing data) gets user names of its own.
            config.usernamePrefix("demo-" + clock.instant().getEpochSecond() % 100000 + "-");
        }
        this.simulator = new Simulator(config.build(), console.out(), clock);
        this.console = console;
    }

    void play() {
        console.line("");
        console.line("Playing the demo data: enrolling members and playing their weeks through the APIs...");
        try {
            played = simulator.play();
        } catch (RuntimeException e) {
            console.line("The demo simulator stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether there is a report to print (the simulator played). */
    boolean played() {
        return played != null;
    }

    /** Prints what the demo produced; call it once progress-service's time-based alert rules have run. */
    void report() {
        if (played != null) {
            Simulator.print(simulator.report(played), console.out());
        }
    }
}
