package org.limber.progress.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A FHIR error: the HTTP status and the OperationOutcome the API answers with. */
public class FhirOutcome extends RuntimeException {

    private final int status;
    private final transient OperationOutcome outcome;

    public FhirOutcome(int status, IssueType type, String text, String expression) {
        super(text);
        this.status = status;
        this.outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(text);
        if (expression != null) {
            issue.addExpression(expression);
        }
    }

    public static FhirOutcome badParameter(String parameter, String text) {
        return new FhirOutcome(400, IssueType.INVALID, parameter + ": " + text, parameter);
    }

    public static FhirOutcome forbidden(String text) {
        return new FhirOutcome(403, IssueType.FORBIDDEN, text, null);
    }

    public static FhirOutcome notFound(String text) {
        return new FhirOutcome(404, IssueType.NOTFOUND, text, null);
    }

    public int status() {
        return status;
    }

    public OperationOutcome outcome() {
        return outcome;
    }
}
