package org.limber.routine.domain.intake;

/**
 * The screening questions of the intake, each an explicit yes/no question (an unanswered one is
 * never a "no"). A {@link Consequence#REFERRAL} answered yes rules out a self-guided plan: a clinician must
 * see the member first. A {@link Consequence#REVIEW} answered yes is not a red flag: the plan is built and
 * a clinician reviews it (inflammatory back pain). The first eight codes are the original ones; the
 * others complete the brief's screening (cauda equina split into its signs, foot drop, fracture,
 * cancer and infection risks).
 */
public enum RedFlag {
    BLADDER_OR_BOWEL_CONTROL(
            "Have you newly lost control of your bladder or bowels?",
            "New loss of bladder or bowel control can signal nerve compression that needs urgent assessment."),
    SADDLE_NUMBNESS(
            "Is the area between your legs or around your seat numb?",
            "Numbness in the saddle area can signal nerve compression that needs urgent assessment."),
    WORSENING_LEG_WEAKNESS(
            "Is weakness or numbness in a leg getting worse?",
            "Leg weakness or numbness that is getting worse needs a clinician's examination."),
    RECENT_TRAUMA(
            "Have you had a major accident or fall recently (or a minor fall if you have osteoporosis or are over 50)?",
            "Back pain after a recent trauma needs a fracture ruled out first."),
    // Asked on its own (issue 20: one answer, one meaning). With NEW_EPISODE it refers; without, a clinician
    // reviews the plan: long-standing, unchanged back pain in someone treated for cancer years ago is usually not a
    // metastasis, but a cancer history is never ignored (conservative: a review rather than nothing).
    CANCER_HISTORY(
            "Have you ever had cancer?", "New back pain with a history of cancer needs a clinician's assessment."),
    FEVER_OR_WEIGHT_LOSS(
            "Do you have a fever, or have you lost weight without trying?",
            "Fever or unexplained weight loss with back pain needs infection or other causes ruled out."),
    INFECTION_RISK(
            "Do you inject drugs, or is your immune system weakened?",
            "Intravenous drug use or weakened immunity raises the risk of a spinal infection."),
    CONSTANT_NIGHT_PAIN(
            "Is your pain constant at night, with no position that eases it?",
            "Constant night pain that no position eases needs a clinician's assessment."),
    // Cauda equina, asked sign by sign: each one is a same-day emergency.
    URINARY_DIFFICULTY(
            "Is it newly hard for you to start passing urine, or to hold it?",
            "New difficulty passing or holding urine can signal nerve compression: get urgent care the same day."),
    BOTH_LEGS_NUMB_OR_WEAK(
            "Do you have numbness, tingling or weakness in both legs?",
            "Numbness, tingling or weakness in both legs can signal nerve compression: get urgent care the same day."),
    SEXUAL_DYSFUNCTION(
            "Have you noticed a new change in sexual function, such as loss of feeling?",
            "A new change in sexual function with back pain can signal nerve compression: get urgent care the same day."),
    // Progressive nerve damage.
    FOOT_DROP(
            "Does one of your feet drag or slap on the ground when you walk?",
            "A foot that drags or slaps can mean a nerve is losing function and needs a clinician's examination soon."),
    // Fracture: a minor fall counts when the bones may be weak.
    MINOR_FALL_WITH_BONE_RISK(
            "Did this pain start after a fall or knock, however small, and do you have osteoporosis, take steroid "
                    + "tablets long-term or are you over 70?",
            "After a fall, osteoporosis, long-term steroid use or age over 70 make a fracture possible: it needs ruling out first."),
    // Cancer.
    NEW_PAIN_OVER_50(
            "Are you over 50, and is this a new episode of back pain?",
            "A new episode of back pain after 50 needs a clinician's assessment before a self-guided plan."),
    PAIN_NOT_EASED_BY_REST(
            "Does your pain stay the same or get worse when you rest or lie down?",
            "Pain that rest and lying down do not ease needs a clinician's assessment."),
    // Infection. A recent spinal procedure includes surgery (conservative: the infection risk is the same); such a
    // member
    // is seen by a clinician before any self-guided plan.
    RECENT_INFECTION(
            "Have you had an infection recently, for example of the urine, chest or skin?",
            "Back pain after a recent infection needs a spinal infection ruled out."),
    RECENT_SPINAL_PROCEDURE(
            "Have you had a spinal injection, operation or other procedure on your spine in the last 3 months?",
            "Back pain soon after a spinal procedure or injection needs an infection ruled out by a clinician."),
    FEELING_UNWELL(
            "Do you feel generally unwell (feverish, shivery or unusually tired) along with your back pain?",
            "Feeling generally unwell with back pain needs an infection or other cause ruled out."),
    // Context: answers that refer only together with others (issue 20), each meaning one thing.
    NEW_EPISODE(
            Consequence.CONTEXT,
            "Is this a new episode of back pain, different from back pain you have had before?",
            "Whether the pain is new: with a history of cancer it needs a clinician's assessment first."),
    BONE_FRAGILITY(
            Consequence.CONTEXT,
            "Do you have osteoporosis, take steroid tablets long-term, or are you over 70?",
            "Whether the bones may be weak: with severe pain of sudden onset a fracture is possible."),
    SUDDEN_ONSET(
            Consequence.CONTEXT,
            "Did this pain come on suddenly, within minutes or hours?",
            "Whether the pain came on suddenly: with weak bones and severe pain a fracture is possible."),
    // Derived, not asked: a possible fragility fracture without a fall. Weak bones (osteoporosis, long-term steroids,
    // age over 70) and new, severe pain (7 or more) of sudden onset: vertebrae with low bone density can fracture
    // with no fall at all (lifting, coughing, bending), so the fall the MINOR_FALL_WITH_BONE_RISK question asks about
    // is not needed for the suspicion.
    POSSIBLE_FRAGILITY_FRACTURE(
            Consequence.REFERRAL,
            null,
            "Severe back pain that came on suddenly, with bones that may be weak, needs a fracture ruled out first."),
    // Not a referral: inflammatory back pain is for a clinician to review beside the plan.
    INFLAMMATORY_BACK_PAIN(
            Consequence.REVIEW,
            "Did your back pain begin before 45, with morning stiffness over 30 minutes that eases as you "
                    + "move, or pain that wakes you in the second half of the night?",
            "Signs of inflammatory back pain: a clinician reviews your plan, which you can start meanwhile.");

    /** What a yes leads to. */
    public enum Consequence {
        /** No self-guided plan: the member is referred to a clinician. */
        REFERRAL,
        /** The plan is built and a clinician reviews it. */
        REVIEW,
        /** Not a sign by itself: an answer other rules read (never reported as a symptom). */
        CONTEXT
    }

    public final Consequence consequence;
    /** The question asked at intake and screening; null for a flag derived from other answers. */
    public final String question;

    public final String referralReason;

    RedFlag(String question, String referralReason) {
        this(Consequence.REFERRAL, question, referralReason);
    }

    RedFlag(Consequence consequence, String question, String referralReason) {
        this.consequence = consequence;
        this.question = question;
        this.referralReason = referralReason;
    }

    /** Whether the member is asked this (false for a flag derived from other answers). */
    public boolean asked() {
        return question != null;
    }

    /** Whether a member may report this as a symptom (a sign, not context, not derived). */
    public boolean symptom() {
        return consequence != Consequence.CONTEXT && asked();
    }
}
