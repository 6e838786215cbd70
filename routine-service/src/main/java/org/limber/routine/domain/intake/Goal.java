package org.limber.routine.domain.intake;

public enum Goal {
    REDUCE_PAIN,
    MOVE_MORE_EASILY,
    LIFT_SAFELY,
    SIT_LONGER,
    STAY_ACTIVE,
    PREVENT_RECURRENCE
}
