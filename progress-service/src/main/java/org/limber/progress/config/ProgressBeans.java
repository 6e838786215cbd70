package org.limber.progress.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.AlertRules;
import org.limber.progress.domain.EmergencySigns;

/** The alert rules clinicians maintain and the emergency codes of the safety advice, read once at start. */
public class ProgressBeans {

    @Produces
    @Singleton
    AlertPolicy alertPolicy() {
        return new AlertPolicy(AlertRules.load(), EmergencySigns.load());
    }
}
