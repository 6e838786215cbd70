package org.limber.progress.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.limber.progress.domain.AlertPolicy;
import org.limber.progress.domain.AlertRules;

/** The alert rules clinicians maintain, read once at start. */
public class ProgressBeans {

    @Produces
    @Singleton
    AlertPolicy alertPolicy() {
        return new AlertPolicy(AlertRules.load());
    }
}
