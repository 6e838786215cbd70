package org.limber.progress.fhir;

import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/** Search results as paged FHIR Bundles (searchset), and {@code $everything} as one. */
public final class Bundles {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 200;
    /** How far a search pages: 10,000 results (a member's sessions over many years). */
    public static final int MAX_OFFSET = 10_000;

    /**
     * @param base   the server's FHIR base, e.g. https://host/fhir
     * @param query  the search's own URL without the paging parameters, e.g. https://host/fhir/Observation?patient=x
     */
    public record Paging(String base, String query, int count, int offset) {}

    private Bundles() {}

    /** The page of {@code all} that {@code paging} names, with self, next and previous links and the total. */
    public static Bundle page(List<? extends Resource> all, Paging paging, Date now) {
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.SEARCHSET);
        bundle.setTimestamp(now);
        bundle.setTotal(all.size());
        int from = Math.min(paging.offset(), all.size());
        int to = Math.min(from + paging.count(), all.size());
        bundle.addLink().setRelation("self").setUrl(link(paging, paging.offset()));
        if (to < all.size()) {
            bundle.addLink().setRelation("next").setUrl(link(paging, to));
        }
        if (from > 0) {
            bundle.addLink().setRelation("previous").setUrl(link(paging, Math.max(0, from - paging.count())));
        }
        for (Resource r : all.subList(from, to)) {
            bundle.addEntry()
                    .setFullUrl(paging.base() + "/" + r.fhirType() + "/"
                            + r.getIdElement().getIdPart())
                    .setResource(r)
                    .getSearch()
                    .setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** Every resource of a patient, in one Bundle (searchset, as FHIR's $everything answers). */
    public static Bundle everything(String base, List<? extends Resource> all, Date now) {
        return page(all, new Paging(base, base + "/Patient/$everything", Math.max(all.size(), 1), 0), now);
    }

    private static String link(Paging paging, int offset) {
        String sep = paging.query().contains("?") ? "&" : "?";
        return paging.query() + sep + "_count=" + paging.count() + "&_offset=" + offset;
    }
}
