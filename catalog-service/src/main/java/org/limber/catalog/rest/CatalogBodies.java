package org.limber.catalog.rest;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.limber.catalog.domain.CatalogIndex;
import org.limber.common.rest.Representation;

/**
 * The public catalog's answers, serialized once per {@link CatalogIndex} with their ETags and
 * kept until the catalog changes: a repeated read (or its 304) costs a map lookup. Each exercise,
 * list page and search is kept the first time it is asked for; at most {@link #MAX_KEPT}
 * answers per catalog, beyond which they are serialized each time.
 */
@ApplicationScoped
public class CatalogBodies {

    static final int MAX_KEPT = 5_000;

    private record Kept(CatalogIndex index, Map<String, Representation> bodies) {}

    private final AtomicReference<Kept> kept = new AtomicReference<>(new Kept(null, Map.of()));
    private final ObjectMapper mapper;

    public CatalogBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The answer kept under {@code key} for this catalog, or {@code view}'s, serialized and kept. */
    public Representation body(CatalogIndex index, String key, Supplier<Object> view) {
        Kept current = kept.get();
        if (current.index() != index) {
            Kept fresh = new Kept(index, new ConcurrentHashMap<>());
            current = kept.compareAndSet(current, fresh) ? fresh : kept.get();
            if (current.index() != index) {
                current = fresh; // another catalog is being answered at this very moment: keep this one apart
            }
        }
        Representation body = current.bodies().get(key);
        if (body == null) {
            body = serialize(view.get());
            if (current.bodies().size() < MAX_KEPT) {
                current.bodies().putIfAbsent(key, body);
            }
        }
        return body;
    }

    private Representation serialize(Object view) {
        try {
            return Representation.of(mapper.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
