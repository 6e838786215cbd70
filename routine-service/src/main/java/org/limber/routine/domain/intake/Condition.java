package org.limber.routine.domain.intake;

/** The back conditions a member can report at intake (possibly several). */
public enum Condition {
    NON_SPECIFIC_LOW_BACK_PAIN,
    SCIATICA,
    DISC_HERNIATION,
    OSTEOARTHRITIS,
    SPINAL_STENOSIS,
    SPONDYLOLISTHESIS,
    INFLAMMATORY_ARTHRITIS,
    /** Spine surgery (fusion, disc replacement): given exactly when the intake answers yes to spine surgery. */
    SPINE_SURGERY,
    DESK_POSTURE,
    OSTEOPOROSIS,
    PREGNANCY
}
