package org.limber.routine.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.limber.routine.domain.intake.RedFlag;

/**
 * Reads a session's red flags before anything else, from a body that may be wrong in every other
 * way (a field of the wrong type, a missing one, an unknown exercise): a red flag is never lost
 * because the rest of the request is refused.
 */
final class SessionBody {

    /** The most symptoms read, as SessionRequest allows. */
    static final int MAX_SYMPTOMS = 16;

    private static final int MAX_NOTE = 2000;

    private SessionBody() {}

    /** The valid red-flag symptom codes of {@code redFlagSymptoms}, each once, in the order sent; others are left out. */
    static List<RedFlag> redFlags(JsonNode body) {
        JsonNode symptoms = body == null ? null : body.get("redFlagSymptoms");
        List<RedFlag> flags = new ArrayList<>();
        if (symptoms == null || !symptoms.isArray()) {
            return flags;
        }
        for (JsonNode symptom : symptoms) {
            if (flags.size() == MAX_SYMPTOMS) {
                break;
            }
            if (symptom.isTextual()) {
                Arrays.stream(RedFlag.values())
                        .filter(f -> f.symptom() && f.name().equals(symptom.textValue()) && !flags.contains(f))
                        .findFirst()
                        .ifPresent(flags::add);
            }
        }
        return flags;
    }

    /**
     * The session's id, the idempotency key of the symptom report its red flags are kept as; when it is
     * missing or not a UUID, one derived from the member and the body, so that the same request sent
     * again keeps nothing twice.
     */
    static UUID sessionId(JsonNode body, String memberId) {
        JsonNode id = body.get("sessionId");
        if (id != null && id.isTextual()) {
            try {
                return UUID.fromString(id.textValue());
            } catch (IllegalArgumentException notAUuid) {
                // derived below
            }
        }
        return UUID.nameUUIDFromBytes((memberId + "\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    /** The member's note when it is text within its bound, else none. */
    static String note(JsonNode body) {
        JsonNode note = body.get("note");
        return note != null
                        && note.isTextual()
                        && note.textValue().length() <= MAX_NOTE
                        && note.textValue().indexOf('\u0000') < 0
                ? note.textValue()
                : null;
    }
}
