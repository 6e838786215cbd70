package org.limber.console.rest;

import io.quarkus.qute.TemplateExtension;

import org.limber.console.domain.Labels;

/** Codes in words on the pages: {@code {label:kind(alert.kind)}}, {@code {label:redFlag(f)}} (see {@link Labels}). */
@TemplateExtension(namespace = "label")
public final class LabelExtensions {

    private LabelExtensions() {}

    static String kind(String code) {
        return Labels.alertKind(code);
    }

    static String openAlert(String entry) {
        return Labels.openAlert(entry);
    }

    static String redFlag(String code) {
        return Labels.redFlag(code);
    }

    static String outcome(String code) {
        return Labels.outcome(code);
    }

    static String cause(String code) {
        return Labels.cause(code);
    }
}
