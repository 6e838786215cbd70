package org.limber.simulator;

/** How a simulated member's twelve weeks go. */
public enum Persona {
    /** Does most sessions; pain falls by half or more. */
    IMPROVER,
    /** Does most sessions; pain falls only a little. */
    SLOW_RESPONDER,
    /** Improves, has a flare (pain 7 or more for about ten days, retakes the intake), then recovers. */
    FLARE,
    /** Starts well, does fewer and fewer sessions, and stops after a few weeks. */
    DRIFTER,
    /** Answers a red-flag question yes at intake: referred to a clinician, no plan. */
    RED_FLAG;

    /** The share of a cohort: a mix close to what digital back-pain programs report. */
    static Persona pick(double draw) {
        if (draw < 0.55) {
            return IMPROVER;
        }
        if (draw < 0.73) {
            return SLOW_RESPONDER;
        }
        if (draw < 0.85) {
            return FLARE;
        }
        return DRIFTER;
    }
}
