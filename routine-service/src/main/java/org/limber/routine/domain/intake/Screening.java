package org.limber.routine.domain.intake;

import java.util.Arrays;
import java.util.List;

/** Red-flag screening: which answered-yes red flags rule out a self-guided plan. */
public final class Screening {

    private Screening() {
    }

    /** The red flags answered yes, in the order they are asked. Empty means a plan may be built. */
    public static List<RedFlag> redFlags(Intake intake) {
        return Arrays.stream(RedFlag.values())
                .filter(flag -> Boolean.TRUE.equals(intake.redFlags().get(flag)))
                .toList();
    }
}
