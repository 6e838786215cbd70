package org.limber.routine.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.limber.common.problem.ProblemException;
import org.limber.routine.Fixtures;
import org.limber.routine.domain.CareAssignment;
import org.limber.routine.domain.Plan;
import org.limber.routine.domain.plan.PlanTailoring;
import org.limber.routine.repository.CareAssignmentRepository;
import org.limber.routine.repository.PlanRepository;
import org.limber.testsupport.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A clinician's change to a plan checks the care team under the member lock: a tailoring that waits for the lock
 * while the member is moved to another clinician sees the move once it gets the lock, and is refused.
 */
@QuarkusTest
class PanelCheckUnderLockTest {

    static final Instant NOON = TestClock.noonToday();

    @Inject
    TestClock clock;

    @Inject
    CatalogReplica replica;

    @Inject
    PlanService plans;

    @Inject
    PlanRepository planRepository;

    @Inject
    CareAssignmentRepository assignments;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void aTailoringWaitingForTheLockSeesTheReassignmentThatHeldIt() throws Exception {
        clock.runFrom(NOON);
        Fixtures.catalogLoaded(replica);
        String memberId = Fixtures.newMember();
        String clinician = "clinician-" + memberId;
        Fixtures.planOnPanel(memberId, Fixtures.intake(), clinician);
        String slug = QuarkusTransaction.requiringNew()
                .call(() -> plans.current(memberId)
                        .proposal
                        .sessions()
                        .get(0)
                        .items()
                        .get(0)
                        .slug());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The member moves to another clinician in a transaction that holds the member lock until released.
            Future<?> moving =
                    pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        planRepository.lockMember(memberId);
                        CareAssignment assignment = assignments.findById(memberId);
                        assignment.clinicianId = "other-" + memberId;
                        locked.countDown();
                        awaitQuietly(release);
                    }));
            assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Plan> tailoring = pool.submit(() -> plans.tailor(
                    clinician,
                    memberId,
                    List.of(new PlanTailoring.Change(PlanTailoring.ChangeType.LOCK, slug, null, null, null)),
                    "Keep it as it is",
                    null));
            // The tailoring waits for the lock, whether or not it has checked the panel yet.
            Thread.sleep(1_000);
            assertThat(tailoring.isDone()).isFalse();
            release.countDown();
            moving.get(60, TimeUnit.SECONDS);

            Throwable refused = catchThrowable(() -> tailoring.get(60, TimeUnit.SECONDS));

            assertThat(refused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ProblemException.class);
            assertThat(((ProblemException) refused.getCause()).status()).isEqualTo(403);
            assertThat(QuarkusTransaction.requiringNew().call(() -> plans.current(memberId).version))
                    .isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
