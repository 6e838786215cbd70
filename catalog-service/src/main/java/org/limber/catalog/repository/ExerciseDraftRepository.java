package org.limber.catalog.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.catalog.domain.ExerciseDraft;
import org.limber.common.paging.Page;

@ApplicationScoped
public class ExerciseDraftRepository implements PanacheRepositoryBase<ExerciseDraft, String> {

    public Page<ExerciseDraft> drafts(int page, int size) {
        var query = find("order by updatedAt desc, slug");
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
