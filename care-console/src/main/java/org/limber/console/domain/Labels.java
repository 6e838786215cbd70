package org.limber.console.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain words for the services' codes (alert kinds, red flags, review outcomes), as clinicians read them. A
 * code without words here (a kind a service added since) is written out from the code itself, so a page
 * never goes blank or fails on it.
 */
public final class Labels {

    /** The kinds of progress-service's care-team alerts, in words. */
    static final Map<String, String> ALERT_KINDS = Map.ofEntries(
            Map.entry("RED_FLAG_SYMPTOM", "Red-flag symptom reported"),
            Map.entry("REFERRAL", "Red flag at intake: referred"),
            Map.entry("NEEDS_REVIEW", "Needs a clinician's review"),
            Map.entry("HIGH_PAIN", "High pain (7 or more)"),
            Map.entry("PAIN_ABOVE_BASELINE", "Pain above baseline"),
            Map.entry("INACTIVE", "No session for 7 days"),
            Map.entry("LOW_ADHERENCE", "Low adherence (under 50%)"),
            Map.entry("CANNOT_REGRESS", "Pain not settling at the easiest level"),
            Map.entry("NO_RESPONSE", "No meaningful change by week 6-8"),
            Map.entry("CLEARANCE_OVERDUE", "Surgical clearance awaited over 2 weeks"),
            Map.entry("PSYCHOSOCIAL_RISK", "STarT Back high risk: contact within 2 working days"));

    /** STarT Back's risk groups, with what each asks of the care team (NICE NG59's stratified care). */
    static final Map<String, String> RISK_GROUPS = Map.of(
            "LOW", "Low risk: self-management with the exercise plan",
            "MEDIUM", "Medium risk: closer follow-up (a review at week 2)",
            "HIGH", "High risk: psychologically informed care, a clinician's contact within 2 working days");

    /** Why a questionnaire was asked. */
    static final Map<String, String> TIMEPOINTS =
            Map.of("BASELINE", "at the start", "WEEK_6", "week 6", "WEEK_12", "week 12", "END", "end of the program");

    /** routine-service's red-flag codes (the intake's screening questions), in words. */
    static final Map<String, String> RED_FLAGS = Map.ofEntries(
            Map.entry("BLADDER_OR_BOWEL_CONTROL", "New loss of bladder or bowel control"),
            Map.entry("SADDLE_NUMBNESS", "Saddle numbness"),
            Map.entry("WORSENING_LEG_WEAKNESS", "Leg weakness or numbness getting worse"),
            Map.entry("RECENT_TRAUMA", "Recent major accident or fall"),
            Map.entry("CANCER_HISTORY", "History of cancer, new back pain"),
            Map.entry("FEVER_OR_WEIGHT_LOSS", "Fever or unexplained weight loss"),
            Map.entry("INFECTION_RISK", "Infection risk (injected drugs, weakened immunity)"),
            Map.entry("CONSTANT_NIGHT_PAIN", "Constant night pain"),
            Map.entry("URINARY_DIFFICULTY", "New difficulty passing or holding urine"),
            Map.entry("BOTH_LEGS_NUMB_OR_WEAK", "Numbness or weakness in both legs"),
            Map.entry("SEXUAL_DYSFUNCTION", "New change in sexual function"),
            Map.entry("FOOT_DROP", "Foot drop"),
            Map.entry("MINOR_FALL_WITH_BONE_RISK", "Minor fall with a fracture risk"),
            Map.entry("NEW_PAIN_OVER_50", "New back pain over 50"),
            Map.entry("PAIN_NOT_EASED_BY_REST", "Pain not eased by rest"),
            Map.entry("RECENT_INFECTION", "Recent infection"),
            Map.entry("RECENT_SPINAL_PROCEDURE", "Spinal procedure in the last 3 months"),
            Map.entry("FEELING_UNWELL", "Feeling generally unwell"),
            Map.entry("INFLAMMATORY_BACK_PAIN", "Signs of inflammatory back pain"));

    /** The outcomes of a review, in the order the form offers them. */
    public static final List<String> OUTCOMES = List.of("EXCLUDED_SAFE_TO_CONTINUE", "REFERRED_ON", "OTHER");

    static final Map<String, String> OUTCOME_LABELS = Map.of(
            "EXCLUDED_SAFE_TO_CONTINUE", "Excluded — safe to continue",
            "REFERRED_ON", "Referred on — keep the plan paused",
            "OTHER", "Other");

    /**
     * progress-service's severities, most urgent first. EMERGENCY: a red flag that is a sign of cauda equina (the
     * member is told to go to an emergency department today), above URGENT everywhere.
     */
    static final List<String> SEVERITY_ORDER = List.of("EMERGENCY", "URGENT", "HIGH", "NORMAL");

    static final Map<String, String> SEVERITIES =
            Map.of("EMERGENCY", "Emergency", "URGENT", "Urgent", "HIGH", "High", "NORMAL", "Routine");

    /** Who an escalation of an urgent alert notified (engagement-service). */
    static final Map<String, String> NOTIFIED = Map.of(
            "CLINICIAN", "the member's clinician",
            "TRIAGE", "the triage clinicians",
            "TRIAGE_AND_ADMINS", "the triage clinicians and the admins");

    /** What suspended a plan. */
    static final Map<String, String> CAUSES = Map.of(
            "INTAKE", "a red flag at an intake",
            "SESSION", "a red flag reported with a session",
            "SYMPTOM_REPORT", "a red flag reported on its own");

    private Labels() {}

    public static String alertKind(String code) {
        return label(ALERT_KINDS, code);
    }

    /** An alert's severity in words: Urgent, High, Routine (a severity added since is written out). */
    public static String severity(String code) {
        return label(SEVERITIES, code);
    }

    /**
     * An open alert of the panel, from its entry {@code KIND:SEVERITY}: its severity and kind in words ({@code text}:
     * "Urgent: Red-flag symptom reported"), its severity code (for its style) and the entry itself.
     */
    public record OpenAlert(String text, String severity, String code) {}

    /** The panel's open alerts of a member in words, most urgent first (a severity not known here last), then by kind. */
    public static List<OpenAlert> openAlerts(List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e != null && !e.isBlank())
                .sorted(Comparator.comparingInt((String e) -> -urgency(severityOf(e)))
                        .thenComparing(e -> alertKind(kindOf(e))))
                .map(e -> new OpenAlert(openAlertText(e), severityOf(e), e))
                .toList();
    }

    /** An open alert's entry in words: "Urgent: Red-flag symptom reported", or the kind alone without a severity. */
    static String openAlertText(String entry) {
        String severity = severityOf(entry);
        String kind = alertKind(kindOf(entry));
        return severity.isEmpty() ? kind : severity(severity) + ": " + kind;
    }

    /** How urgent a severity is: 4 for EMERGENCY, 3 for URGENT down to 1 for NORMAL, 0 for one not known here. */
    public static int urgency(String severity) {
        int i = SEVERITY_ORDER.indexOf(severity == null ? "" : severity);
        return i < 0 ? 0 : SEVERITY_ORDER.size() - i;
    }

    private static String kindOf(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon);
    }

    private static String severityOf(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? "" : entry.substring(colon + 1);
    }

    /** Who an escalation notified, in words. */
    public static String notified(String code) {
        return label(NOTIFIED, code);
    }

    /** An escalation's level in words: the first notification, or the first or second escalation. */
    public static String escalationLevel(int level) {
        return switch (level) {
            case 0 -> "Notified at once";
            case 1 -> "Escalated (not acknowledged)";
            case 2 -> "Escalated again (still not acknowledged)";
            default -> "Escalated (level " + level + ")";
        };
    }

    /** A STarT Back risk group in words, or "not answered yet" without one. */
    public static String riskGroup(String code) {
        return code == null ? "not answered yet" : label(RISK_GROUPS, code);
    }

    public static String timepoint(String code) {
        return label(TIMEPOINTS, code);
    }

    public static String redFlag(String code) {
        return label(RED_FLAGS, code);
    }

    public static String outcome(String code) {
        return label(OUTCOME_LABELS, code);
    }

    public static String cause(String code) {
        return code == null ? "" : CAUSES.getOrDefault(code, words(code).toLowerCase(Locale.ROOT));
    }

    private static String label(Map<String, String> words, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = words.get(code);
        return known != null ? known : words(code);
    }

    /** A code written out: {@code SOME_NEW_KIND} is "Some new kind". */
    static String words(String code) {
        String spaced = code.trim().replace('_', ' ').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? "" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
