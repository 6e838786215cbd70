package org.limber.simulator;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The clinicians following up their older alerts once progress-service has read the played weeks: a high pain
 * from before {@code twoWeeksAgo} is resolved (it settled), a red flag or a referral acknowledged (an
 * in-person assessment booked).
 */
final class AlertFollowUp {

    private final JsonHttp http;
    private final Keycloak keycloak;
    private final SimulatorConfig config;

    AlertFollowUp(JsonHttp http, Keycloak keycloak, SimulatorConfig config) {
        this.http = http;
        this.keycloak = keycloak;
        this.config = config;
    }

    /** How many open alerts the clinicians followed up; {@code lastHighPain}: each member's last day of high pain. */
    int followUp(Map<String, LocalDate> lastHighPain, LocalDate twoWeeksAgo) {
        int followedUp = 0;
        for (String username : config.clinicians()) {
            Keycloak.UserToken clinician = keycloak.user(username, config.clinicianPassword());
            JsonNode open = http.get(config.progressUrl() + "/care-team/alerts?status=OPEN&size=100", clinician.get())
                    .body();
            for (JsonNode alert : open.path("items")) {
                String kind = alert.path("kind").asText();
                String url = config.progressUrl() + "/care-team/alerts/"
                        + alert.path("id").asText();
                LocalDate highPain = lastHighPain.get(alert.path("memberId").asText());
                if (kind.equals("HIGH_PAIN") && highPain != null && highPain.isBefore(twoWeeksAgo)) {
                    followedUp += http.post(
                                            url + "/resolve",
                                            clinician.get(),
                                            Map.of(
                                                    "note",
                                                    "Called the member: the pain settled within days; plan kept."))
                                    .ok()
                            ? 1
                            : 0;
                } else if (kind.equals("RED_FLAG_SYMPTOM") || kind.equals("REFERRAL")) {
                    followedUp += http.post(
                                            url + "/acknowledge",
                                            clinician.get(),
                                            Map.of("note", "Called the member; booked an in-person assessment."))
                                    .ok()
                            ? 1
                            : 0;
                }
            }
        }
        return followedUp;
    }
}
