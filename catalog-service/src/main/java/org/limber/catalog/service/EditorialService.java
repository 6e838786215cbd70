package org.limber.catalog.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.limber.catalog.domain.ContentRules;
import org.limber.catalog.domain.Exercise;
import org.limber.catalog.domain.ExerciseContent;
import org.limber.catalog.domain.ExerciseDraft;
import org.limber.catalog.domain.ExerciseStatus;
import org.limber.catalog.domain.ExerciseVersion;
import org.limber.catalog.domain.Origin;
import org.limber.catalog.domain.VariationGraph;
import org.limber.catalog.messaging.ExerciseEvents;
import org.limber.catalog.repository.CatalogLock;
import org.limber.catalog.repository.ExerciseDraftRepository;
import org.limber.catalog.repository.ExerciseRepository;
import org.limber.catalog.repository.ExerciseVersionRepository;
import org.limber.common.paging.Page;
import org.limber.common.problem.Problem.FieldProblem;
import org.limber.common.problem.ProblemException;
import org.limber.common.time.Timestamps;

/**
 * The editorial workflow: drafts (with optimistic concurrency), publication as immutable
 * numbered versions, and retirement. Every publication and retirement writes its event to the
 * outbox in the same transaction.
 */
@ApplicationScoped
public class EditorialService {

    /** Something to publish: content for a slug, where it came from, and who is responsible. */
    public record Candidate(
            String slug, ExerciseContent content, Origin origin, String seedHash, String author, String note) {}

    private final ExerciseRepository exercises;
    private final ExerciseVersionRepository versions;
    private final ExerciseDraftRepository drafts;
    private final CatalogLock lock;
    private final ExerciseEvents events;
    private final Clock clock;

    public EditorialService(
            ExerciseRepository exercises,
            ExerciseVersionRepository versions,
            ExerciseDraftRepository drafts,
            CatalogLock lock,
            ExerciseEvents events,
            Clock clock) {
        this.exercises = exercises;
        this.versions = versions;
        this.drafts = drafts;
        this.lock = lock;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ExerciseDraft createDraft(String slug, ExerciseContent content, String editor) {
        requireValid(400, slug, content);
        if (exercises.findByIdOptional(slug).isPresent()) {
            throw ProblemException.conflict("The exercise " + slug + " exists already; start a draft from it instead.");
        }
        if (drafts.findByIdOptional(slug).isPresent()) {
            throw ProblemException.conflict("A draft for " + slug + " exists already.");
        }
        return persistDraft(slug, content, null, editor);
    }

    @Transactional
    public ExerciseDraft startDraft(String slug, String editor) {
        Exercise exercise = exercises
                .findByIdOptional(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no exercise " + slug + "."));
        if (drafts.findByIdOptional(slug).isPresent()) {
            throw ProblemException.conflict("A draft for " + slug + " exists already.");
        }
        return persistDraft(slug, exercise.content, exercise.version, editor);
    }

    private ExerciseDraft persistDraft(String slug, ExerciseContent content, Integer baseVersion, String editor) {
        ExerciseDraft draft = new ExerciseDraft();
        draft.slug = slug;
        draft.content = content;
        draft.baseVersion = baseVersion;
        draft.createdBy = editor;
        draft.updatedBy = editor;
        draft.createdAt = Timestamps.now(clock);
        draft.updatedAt = draft.createdAt;
        drafts.persistAndFlush(draft);
        return draft;
    }

    @Transactional
    public ExerciseDraft draft(String slug) {
        return drafts.findByIdOptional(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no draft for " + slug + "."));
    }

    @Transactional
    public Page<ExerciseDraft> drafts(int page, int size) {
        return drafts.drafts(page, size);
    }

    /** Saves new content into a draft, only if the caller saw its latest revision. */
    @Transactional
    public ExerciseDraft updateDraft(String slug, ExerciseContent content, Integer expectedRevision, String editor) {
        ExerciseDraft draft = current(slug, expectedRevision, true);
        requireValid(400, slug, content);
        draft.content = content;
        draft.updatedBy = editor;
        draft.updatedAt = Timestamps.now(clock);
        flush();
        return draft;
    }

    @Transactional
    public void discardDraft(String slug, Integer expectedRevision) {
        drafts.delete(current(slug, expectedRevision, true));
        flush();
    }

    /** Publishes a draft as the exercise's next version. The revision check is optional here. */
    @Transactional
    public Exercise publish(String slug, Integer expectedRevision, String note, String editor) {
        ExerciseDraft draft = current(slug, expectedRevision, false);
        lock.lock();
        Integer published = exercises.findByIdOptional(slug).map(e -> e.version).orElse(null);
        if (!Objects.equals(published, draft.baseVersion)) {
            throw ProblemException.conflict(
                    "Version " + published + " of " + slug + " was published after this draft started from "
                            + draft.baseVersion + "; start a new draft from it.");
        }
        Exercise exercise = publishAll(List.of(new Candidate(slug, draft.content, Origin.EDITOR, null, editor, note)))
                .get(0);
        drafts.delete(draft);
        return exercise;
    }

    @Transactional
    public Exercise retire(String slug, String reason, String editor) {
        lock.lock();
        Exercise exercise = exercises
                .findByIdOptional(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no exercise " + slug + "."));
        if (exercise.status == ExerciseStatus.RETIRED) {
            throw ProblemException.conflict("The exercise " + slug + " is retired already.");
        }
        exercise.status = ExerciseStatus.RETIRED;
        exercise.retiredAt = Timestamps.now(clock);
        exercise.retireReason = reason;
        exercise.origin = Origin.EDITOR;
        events.retired(exercise);
        return exercise;
    }

    @Transactional
    public Page<ExerciseVersion> versions(String slug, int page, int size) {
        if (exercises.findByIdOptional(slug).isEmpty()) {
            throw ProblemException.notFound("There is no exercise " + slug + ".");
        }
        return versions.versionsOf(slug, page, size);
    }

    @Transactional
    public ExerciseVersion version(String slug, int version) {
        return versions.find(slug, version)
                .orElseThrow(() -> ProblemException.notFound("There is no version " + version + " of " + slug + "."));
    }

    /**
     * Publishes each candidate as the next version of its exercise, after checking its content
     * and that the links of the whole catalog, with the candidates in, resolve without a cycle.
     * The caller holds a transaction; this takes the catalog lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Exercise> publishAll(List<Candidate> candidates) {
        lock.lock();
        for (Candidate candidate : candidates) {
            requireValid(422, candidate.slug(), candidate.content());
        }
        Map<String, Exercise> existing =
                exercises.all().stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
        requireLinksResolve(candidates, existing);
        Instant now = Timestamps.now(clock);
        List<Exercise> published = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Exercise exercise = existing.get(candidate.slug());
            boolean isNew = exercise == null;
            if (isNew) {
                exercise = new Exercise();
                exercise.slug = candidate.slug();
            }
            exercise.show(
                    isNew ? 1 : exercise.version + 1,
                    candidate.content(),
                    candidate.origin(),
                    candidate.seedHash(),
                    now);
            if (isNew) {
                exercises.persist(exercise);
            }
            ExerciseVersion version = new ExerciseVersion();
            version.slug = exercise.slug;
            version.version = exercise.version;
            version.content = candidate.content();
            version.origin = candidate.origin();
            version.author = candidate.author();
            version.note = candidate.note();
            version.publishedAt = now;
            versions.persist(version);
            events.published(exercise);
            published.add(exercise);
        }
        return published;
    }

    private void requireLinksResolve(List<Candidate> candidates, Map<String, Exercise> existing) {
        Map<String, VariationGraph.Links> declared = new HashMap<>();
        existing.values().forEach(e -> declared.put(e.slug, new VariationGraph.Links(e.easier, e.harder)));
        candidates.forEach(c -> declared.put(
                c.slug(),
                new VariationGraph.Links(c.content().easier(), c.content().harder())));
        Set<String> known = new HashSet<>(declared.keySet());
        List<FieldProblem> errors = new ArrayList<>();
        boolean many = candidates.size() > 1;
        for (Candidate c : candidates) {
            String prefix = many ? c.slug() + "." : "";
            unknownLinks(prefix + "easier", c.content().easier(), known, errors);
            unknownLinks(prefix + "harder", c.content().harder(), known, errors);
        }
        if (errors.isEmpty()) {
            new VariationGraph(declared)
                    .cycle()
                    .ifPresent(cycle -> errors.add(new FieldProblem(
                            "harder", "the easier/harder links would form a cycle: " + String.join(" -> ", cycle))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "The variation links cannot be published.", errors);
        }
    }

    private static void unknownLinks(String field, List<String> links, Set<String> known, List<FieldProblem> errors) {
        for (int i = 0; i < links.size(); i++) {
            if (!known.contains(links.get(i))) {
                errors.add(new FieldProblem(field + "[" + i + "]", "there is no exercise " + links.get(i)));
            }
        }
    }

    private ExerciseDraft current(String slug, Integer expectedRevision, boolean revisionRequired) {
        ExerciseDraft draft = draft(slug);
        if (expectedRevision == null) {
            if (revisionRequired) {
                throw ProblemException.preconditionRequired(
                        "Send If-Match with the draft's ETag, so that nobody's changes are overwritten.");
            }
        } else if (expectedRevision != draft.lockVersion) {
            throw ProblemException.preconditionFailed(
                    "The draft of " + slug + " changed since you read it (now revision " + draft.lockVersion
                            + "); read it again and reapply your change.");
        }
        return draft;
    }

    private void flush() {
        try {
            drafts.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.preconditionFailed("The draft changed while you were saving it; read it again.");
        }
    }

    private static void requireValid(int status, String slug, ExerciseContent content) {
        List<FieldProblem> errors = ContentRules.check(slug, content);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(status, "The content of " + slug + " breaks content rules.", errors);
        }
    }
}
