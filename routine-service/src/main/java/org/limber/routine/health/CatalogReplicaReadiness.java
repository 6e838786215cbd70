package org.limber.routine.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.limber.routine.service.CatalogCatchUp;

/** Not ready until the catalog copy has consumed catalog.exercises up to the end offsets found at start. */
@Readiness
@ApplicationScoped
public class CatalogReplicaReadiness implements HealthCheck {

    public static final String NAME = "Catalog replica caught up with catalog.exercises";

    private final CatalogCatchUp catchUp;

    public CatalogReplicaReadiness(CatalogCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = catchUp.caughtUp();
        return HealthCheckResponse.named(NAME)
                .status(ready)
                .withData("status", catchUp.waitingFor())
                .build();
    }
}
