package org.limber.routine.domain.intake;

/**
 * Symptoms that rule out a self-guided plan: any one of them means a clinician must see the
 * member first. Each is asked as an explicit yes/no question at intake.
 */
public enum RedFlag {
    BLADDER_OR_BOWEL_CONTROL("Have you newly lost control of your bladder or bowels?",
            "New loss of bladder or bowel control can signal nerve compression that needs urgent assessment."),
    SADDLE_NUMBNESS("Is the area between your legs or around your seat numb?",
            "Numbness in the saddle area can signal nerve compression that needs urgent assessment."),
    WORSENING_LEG_WEAKNESS("Is weakness or numbness in a leg getting worse?",
            "Leg weakness or numbness that is getting worse needs a clinician's examination."),
    RECENT_TRAUMA("Have you had a major accident or fall recently (or a minor fall if you have osteoporosis or are over 50)?",
            "Back pain after a recent trauma needs a fracture ruled out first."),
    CANCER_HISTORY("Have you had cancer, and is this back pain new?",
            "New back pain with a history of cancer needs a clinician's assessment."),
    FEVER_OR_WEIGHT_LOSS("Do you have a fever, or have you lost weight without trying?",
            "Fever or unexplained weight loss with back pain needs infection or other causes ruled out."),
    INFECTION_RISK("Do you inject drugs, or is your immune system weakened?",
            "Intravenous drug use or weakened immunity raises the risk of a spinal infection."),
    CONSTANT_NIGHT_PAIN("Is your pain constant at night, with no position that eases it?",
            "Constant night pain that no position eases needs a clinician's assessment.");

    public final String question;
    public final String referralReason;

    RedFlag(String question, String referralReason) {
        this.question = question;
        this.referralReason = referralReason;
    }
}
