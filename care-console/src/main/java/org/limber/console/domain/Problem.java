package org.limber.console.domain;

import java.util.Map;

/**
 * What went wrong with a call to a service, in words for the page: never a stack trace. Built from
 * the service's status and its problem+json (detail, field errors), or from a service that did not
 * answer.
 */
public record Problem(int status, String title, String message, Map<String, String> fieldErrors) {

    public static Problem down(String service) {
        return new Problem(
                503,
                "Service unavailable",
                "The " + service + " is not answering just now. Nothing was changed; try again in a moment.",
                Map.of());
    }

    public static Problem of(int status, String service, String detail, Map<String, String> fieldErrors) {
        String d = detail == null || detail.isBlank() ? "" : " " + detail.trim();
        return switch (status) {
            case 400 -> new Problem(400, "Please check the form", "Some fields need another look." + d, fieldErrors);
            case 401 ->
                new Problem(
                        401, "Please sign in again", "Your session has ended. Sign in again to carry on.", Map.of());
            case 403 -> new Problem(403, "Not allowed", "Your account may not see or change this." + d, Map.of());
            case 404 -> new Problem(404, "Not found", "There is nothing here." + d, Map.of());
            case 405 -> new Problem(405, "Not available yet", "The " + service + " does not offer this yet.", Map.of());
            case 409 ->
                new Problem(409, "Changed in the meantime", "This could not be done as it stands now." + d, Map.of());
            case 412 ->
                new Problem(
                        412,
                        "Changed in the meantime",
                        "Someone changed this since you opened it. Reload it and make your change again.",
                        Map.of());
            case 422 -> new Problem(422, "Not accepted", "The " + service + " did not accept this." + d, fieldErrors);
            case 502, 503, 504 -> down(service);
            default ->
                status >= 500
                        ? new Problem(
                                status,
                                "Something went wrong",
                                "The " + service + " could not do this. Nothing is lost; try again in a moment.",
                                Map.of())
                        : new Problem(
                                status, "Not accepted", "The " + service + " did not accept this." + d, fieldErrors);
        };
    }

    /** The error of a form field, or null. */
    public String field(String name) {
        return fieldErrors.get(name);
    }
}
