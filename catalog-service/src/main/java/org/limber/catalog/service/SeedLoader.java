package org.limber.catalog.service;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.limber.catalog.config.CatalogConfig;
import org.limber.catalog.domain.ContentRules;
import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseContent;
import org.limber.catalog.domain.ExerciseStatus;
import org.limber.catalog.domain.Origin;
import org.limber.catalog.domain.Slugs;
import org.limber.catalog.repository.CatalogLock;
import org.limber.catalog.repository.ExerciseRepository;
import org.limber.catalog.service.EditorialService.Candidate;
import org.limber.content.ExerciseFiles;

/**
 * Loads the exercise files shipped with the service, idempotently: a new exercise is published
 * as version 1; one whose file changed is republished, unless an editor has published or retired
 * it since (an editor's work is never overwritten); anything else is left alone. Runs under the
 * catalog lock, so a second instance starting at the same time publishes nothing twice.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final String AUTHOR = "catalog-seed";

    /** One entry of an exercise file. */
    public record SeedEntry(String file, String slug, ExerciseContent content) {}

    private final CatalogConfig config;
    private final ExerciseRepository exercises;
    private final EditorialService editorial;
    private final CatalogLock lock;
    private final Validator validator;
    private final ObjectMapper json;
    private final ObjectMapper strict;

    public SeedLoader(
            CatalogConfig config,
            ExerciseRepository exercises,
            EditorialService editorial,
            CatalogLock lock,
            Validator validator,
            ObjectMapper json) {
        this.config = config;
        this.exercises = exercises;
        this.editorial = editorial;
        this.lock = lock;
        this.validator = validator;
        this.json = json;
        this.strict =
                new ObjectMapper().findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            load();
        }
    }

    /** Publishes what changed in the files; returns the slugs published. */
    @Transactional
    public List<String> load() {
        List<SeedEntry> entries = read(config.seed().location());
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The exercise files have errors:\n  " + String.join("\n  ", problems));
        }
        lock.lock();
        List<Candidate> candidates = new ArrayList<>();
        for (SeedEntry entry : entries) {
            String hash = hash(entry.content());
            Exercise current = exercises.findById(entry.slug());
            boolean fileChanged = current != null
                    && current.origin == Origin.SEED
                    && current.status == ExerciseStatus.PUBLISHED
                    && !hash.equals(current.seedHash);
            if (current == null || fileChanged) {
                candidates.add(new Candidate(
                        entry.slug(),
                        entry.content(),
                        Origin.SEED,
                        hash,
                        AUTHOR,
                        current == null ? "First published from " + entry.file() : "Updated from " + entry.file()));
            }
        }
        editorial.publishAll(candidates);
        LOG.infof("Exercise files: %d entries, %d published now", entries.size(), candidates.size());
        return candidates.stream().map(Candidate::slug).toList();
    }

    /** Every entry problem: slug format, duplicates, field constraints, content rules. */
    public List<String> problems(List<SeedEntry> entries) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SeedEntry entry : entries) {
            String where = entry.file() + " " + entry.slug() + ": ";
            if (!Slugs.isValid(entry.slug())) {
                problems.add(where + "the slug is not lower-case words joined by hyphens");
            }
            if (!seen.add(entry.slug())) {
                problems.add(where + "the slug appears twice");
            }
            for (ConstraintViolation<ExerciseContent> v : validator.validate(entry.content())) {
                problems.add(where + v.getPropertyPath() + " " + v.getMessage());
            }
            if (entry.content().dose() != null && entry.content().equipment() != null) {
                ContentRules.check(entry.slug(), entry.content())
                        .forEach(e -> problems.add(where + e.field() + " " + e.message()));
            }
        }
        return problems;
    }

    /** Reads the entries of the exercise files in a classpath folder. */
    public List<SeedEntry> read(String location) {
        List<SeedEntry> entries = new ArrayList<>();
        for (ExerciseFiles.Entry entry : ExerciseFiles.read(location)) {
            try {
                entries.add(new SeedEntry(
                        entry.file(), entry.slug(), strict.treeToValue(entry.fields(), ExerciseContent.class)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException(
                        "Cannot read " + entry.file() + " " + entry.slug() + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private String hash(ExerciseContent content) {
        try {
            byte[] canonical = json.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
