package org.limber.engagement.service;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.limber.engagement.config.EscalationConfig;

/** The triage clinicians (configured user ids): who hears of a member without a clinician. */
@ApplicationScoped
public class Triage {

    private final EscalationConfig config;

    public Triage(EscalationConfig config) {
        this.config = config;
    }

    public List<String> triage() {
        return config.triage().orElse(List.of());
    }
}
