package org.limber.routine.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.routine.domain.CatalogExercise;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogExerciseRepository implements PanacheRepositoryBase<CatalogExercise, String> {

    public List<CatalogExercise> published() {
        return list("status", "PUBLISHED");
    }
}
