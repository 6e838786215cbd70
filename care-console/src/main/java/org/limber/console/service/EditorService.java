package org.limber.console.service;

import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.limber.console.client.CatalogClient;
import org.limber.console.client.CatalogViews.Draft;
import org.limber.console.client.CatalogViews.DraftUpdate;
import org.limber.console.client.CatalogViews.ExerciseSummary;
import org.limber.console.client.CatalogViews.Publication;
import org.limber.console.client.CatalogViews.Publish;
import org.limber.console.client.CatalogViews.Retire;
import org.limber.console.client.CatalogViews.Version;
import org.limber.console.client.Page;

import static org.limber.console.service.ServiceCalls.call;

/** Content editors' work through catalog-service's editorial API. */
@ApplicationScoped
public class EditorService {

    private final CatalogClient catalog;

    public EditorService(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public Page<Draft> drafts() {
        return call(CareService.CATALOG, () -> catalog.drafts(0, 100));
    }

    public List<ExerciseSummary> published() {
        return call(CareService.CATALOG, () -> catalog.exercises(null, "NAME", 0, 100))
                .items();
    }

    public Draft start(String slug) {
        return call(CareService.CATALOG, () -> catalog.startDraft(slug));
    }

    public Draft draft(String slug) {
        return call(CareService.CATALOG, () -> catalog.draft(slug));
    }

    public Draft save(String slug, int revision, JsonNode content) {
        return call(CareService.CATALOG, () -> catalog.saveDraft(slug, new DraftUpdate(revision, content)));
    }

    public void discard(String slug, int revision) {
        ServiceCalls.run(CareService.CATALOG, () -> catalog.discardDraft(slug, "\"" + revision + "\""));
    }

    public Publication publish(String slug, int revision, String note) {
        return call(CareService.CATALOG, () -> catalog.publish(slug, new Publish(revision, note)));
    }

    public Publication retire(String slug, String reason) {
        return call(CareService.CATALOG, () -> catalog.retire(slug, new Retire(reason)));
    }

    public Page<Version> versions(String slug) {
        return call(CareService.CATALOG, () -> catalog.versions(slug, 0, 50));
    }
}
