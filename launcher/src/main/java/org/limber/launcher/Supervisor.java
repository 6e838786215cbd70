package org.limber.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the services running: a service's process that exits while the launcher is not stopping (it crashed, it
 * was killed) is started again after a back-off (1 s, then doubling up to {@link #MAX_DELAY} while it keeps
 * dying; a process that ran for {@link #STABLE} counts as recovered, and the next failure waits 1 s again). Each
 * exit and restart is logged. Once {@link #close()} returns, nothing is restarted any more (the launcher is
 * stopping), and no restart is half done. Issue 25: killing a service midway through an erasure is survivable.
 */
final class Supervisor implements AutoCloseable {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofSeconds(60);

    /** A supervised process: how to start it again, and how many times in a row it died. */
    private static final class Watched {
        final Supplier<ManagedProcess> restart;
        ManagedProcess process;
        long startedAt;
        int failures;

        Watched(Supplier<ManagedProcess> restart, ManagedProcess process) {
            this.restart = restart;
            this.process = process;
            this.startedAt = System.nanoTime();
        }
    }

    private final Consumer<String> log;
    private final Consumer<List<ManagedProcess>> changed;
    private final Duration firstDelay;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "limber-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private boolean closed;

    /**
     * {@code log} gets a line per exit and restart; {@code changed} every supervised process after a restart (the
     * launcher records their pids).
     */
    Supervisor(Consumer<String> log, Consumer<List<ManagedProcess>> changed) {
        this(log, changed, FIRST_DELAY);
    }

    Supervisor(Consumer<String> log, Consumer<List<ManagedProcess>> changed, Duration firstDelay) {
        this.log = log;
        this.changed = changed;
        this.firstDelay = firstDelay;
    }

    /** Watches {@code process}; when it exits unexpectedly, {@code restart} starts it again. */
    synchronized void watch(ManagedProcess process, Supplier<ManagedProcess> restart) {
        if (closed) {
            return;
        }
        Watched w = new Watched(restart, process);
        watched.put(process.name(), w);
        follow(w, process);
    }

    /**
     * Watches the process named {@code name} of {@code processes} (a synchronized list, the launcher's); a restart
     * replaces it there by the new process.
     */
    void watchAll(List<ManagedProcess> processes, String name, Supplier<ManagedProcess> start) {
        List<ManagedProcess> mine;
        synchronized (processes) {
            mine = processes.stream().filter(p -> p.name().equals(name)).toList();
        }
        mine.forEach(process -> watch(process, () -> {
            ManagedProcess next = start.get();
            synchronized (processes) {
                processes.removeIf(p -> p.name().equals(name));
                processes.add(next);
            }
            return next;
        }));
    }

    /** The current process of a supervised name (after restarts, the newest). */
    synchronized ManagedProcess current(String name) {
        Watched w = watched.get(name);
        return w == null ? null : w.process;
    }

    /** Every supervised process, as they are now. */
    synchronized List<ManagedProcess> processes() {
        List<ManagedProcess> all = new ArrayList<>();
        watched.values().forEach(w -> all.add(w.process));
        return all;
    }

    private void follow(Watched w, ManagedProcess process) {
        process.onExit().thenRun(() -> exited(w, process));
    }

    private synchronized void exited(Watched w, ManagedProcess process) {
        if (closed || w.process != process) {
            return;
        }
        boolean ranLong = System.nanoTime() - w.startedAt >= STABLE.toNanos();
        w.failures = ranLong ? 1 : w.failures + 1;
        Duration delay = delay(firstDelay, w.failures);
        // Logged when the restart is due, not now: Ctrl-C in a terminal reaches the services too, and their exit
        // then is no failure (the launcher closes this before the back-off ends).
        String why = String.format(
                "%s (pid %d) exited unexpectedly with code %s; starting it again after %d ms (restart %d in a row)",
                process.name(), process.pid(), process.exitCode(), delay.toMillis(), w.failures);
        scheduler.schedule(() -> restart(w, why), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart(Watched w, String why) {
        if (closed) {
            return;
        }
        if (why != null) {
            log.accept(why);
        }
        ManagedProcess next;
        try {
            next = w.restart.get();
        } catch (RuntimeException e) {
            log.accept("Could not start " + w.process.name() + " again: " + e.getMessage());
            w.failures++;
            scheduler.schedule(
                    () -> restart(w, null), delay(firstDelay, w.failures).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        w.process = next;
        w.startedAt = System.nanoTime();
        log.accept(String.format("%s started again (pid %d)", next.name(), next.pid()));
        changed.accept(processes());
        follow(w, next);
    }

    /** The wait before the {@code failures}-th restart in a row: {@code first}, doubling, at most {@link #MAX_DELAY}. */
    static Duration delay(Duration first, int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** No restart after this returns (the launcher stops the processes itself). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        scheduler.shutdownNow();
    }
}
