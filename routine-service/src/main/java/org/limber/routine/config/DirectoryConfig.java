package org.limber.routine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the directory reads clinicians from: Keycloak's realm and the group of clinicians. */
@ConfigMapping(prefix = "limber.routine.directory")
public interface DirectoryConfig {

    /** The Keycloak realm whose admin API lists the clinicians. */
    @WithDefault("limber")
    String realm();

    /** The group whose members are the clinicians (it grants the role {@code clinician}). */
    @WithDefault("clinicians")
    String clinicianGroup();

    /** How often the clinicians are read again from Keycloak (the scheduler's {@code every}). */
    @WithDefault("5m")
    String refresh();

    /** How long after the start they are first read (the scheduler's {@code delayed}). */
    @WithDefault("10s")
    String firstRefresh();
}
