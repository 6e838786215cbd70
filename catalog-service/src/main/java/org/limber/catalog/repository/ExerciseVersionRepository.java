package org.limber.catalog.repository;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.catalog.domain.ExerciseVersion;
import org.limber.common.paging.Page;

@ApplicationScoped
public class ExerciseVersionRepository implements PanacheRepositoryBase<ExerciseVersion, ExerciseVersion.Key> {

    public Page<ExerciseVersion> versionsOf(String slug, int page, int size) {
        var query = find("slug = ?1 order by version desc", slug);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    public Optional<ExerciseVersion> find(String slug, int version) {
        return findByIdOptional(new ExerciseVersion.Key(slug, version));
    }
}
