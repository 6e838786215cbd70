package org.limber.console.rest;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.qute.TemplateExtension;

import org.limber.console.domain.Labels;
import org.limber.console.domain.PainChange;

/** Codes in words on the pages: {@code {label:kind(alert.kind)}}, {@code {label:redFlag(f)}} (see {@link Labels}). */
@TemplateExtension(namespace = "label")
public final class LabelExtensions {

    private LabelExtensions() {}

    static String kind(String code) {
        return Labels.alertKind(code);
    }

    static List<Labels.OpenAlert> openAlerts(List<String> entries) {
        return Labels.openAlerts(entries);
    }

    static String severity(String code) {
        return Labels.severity(code);
    }

    /** The change in pain since the baseline, "3 points worse (pain up 60.0%)" (see {@link PainChange}). */
    static String painChange(Integer points, BigDecimal percent) {
        return PainChange.describe(points, percent);
    }

    static String redFlag(String code) {
        return Labels.redFlag(code);
    }

    static String outcome(String code) {
        return Labels.outcome(code);
    }

    static String notified(String code) {
        return Labels.notified(code);
    }

    static String escalationLevel(int level) {
        return Labels.escalationLevel(level);
    }

    static String riskGroup(String code) {
        return Labels.riskGroup(code);
    }

    static String timepoint(String code) {
        return Labels.timepoint(code);
    }

    static String cause(String code) {
        return Labels.cause(code);
    }
}
