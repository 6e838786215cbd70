package org.limber.routine.repository;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.CatalogExercise;

@ApplicationScoped
public class CatalogExerciseRepository implements PanacheRepositoryBase<CatalogExercise, String> {

    public List<CatalogExercise> published() {
        return list("status", "PUBLISHED");
    }
}
