package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The ids of every process a run started (PostgreSQL's postmaster included), each with the instant it started,
 * kept in {@code .local/run/pids} while it runs, one {@code <pid> <start>} a line. A launcher that was killed (a
 * closed terminal, {@code kill -9}) cannot stop them; the next start ends them from this file before it checks
 * that its ports are free.
 *
 * <p>A process of the file is ended only if it is still the one the run started: a process alive under that
 * pid with the same start instant (the system may have given the pid to another process since), which names the
 * repository on its command line (every JVM the launcher starts carries {@link #MARKER}; PostgreSQL names its
 * data folder, Keycloak its script) or runs in it (its working directory, where the system shows it: a service
 * runs in its {@code target/quarkus-app}). A line of an older launcher, a pid alone, is ended as that launcher
 * did: if its command line names the repository or Keycloak.
 */
final class PidFile {

    /** The system property every JVM the launcher starts gets, naming the repository it was started from. */
    static final String MARKER = "limber.launcher.home";

    /**
     * How far the start instant of a process may move between two JVMs' readings: the JDK counts it from the
     * system's boot time, which a step of the clock moves by whole seconds.
     */
    static final Duration SAME_START = Duration.ofSeconds(1);

    private final Path file;
    private final Path root;

    PidFile(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    /** The option that marks a JVM as started by the launcher of the repository {@code root}. */
    static String marker(Path root) {
        return "-D" + MARKER + "=" + root;
    }

    /** Records the processes (those still alive), each with its start instant where the system gives it. */
    void write(Collection<Long> pids) {
        List<String> lines = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .ifPresent(p -> lines.add(p.info()
                            .startInstant()
                            .map(start -> pid + " " + start)
                            .orElse(String.valueOf(pid))));
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, lines);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the next start checks each pid before it ends anything
        }
    }

    /**
     * Ends every process of the file that is still alive and still the one the run started (see the class's
     * comment), and their descendants; waits until they are gone, then deletes the file. Returns the ids it
     * ended.
     */
    List<Long> killLeftovers(Consumer<String> report) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Long> ended = new ArrayList<>();
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            report.accept("Ignoring an unreadable " + file + ": " + e.getMessage());
            lines = List.of();
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            Optional<ProcessHandle> process;
            Optional<Instant> start = Optional.empty();
            try {
                process = ProcessHandle.of(Long.parseLong(fields[0]));
                if (fields.length > 1) {
                    start = Optional.of(Instant.parse(fields[1]));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                report.accept("Ignoring the line '" + line + "' of " + file);
                continue;
            }
            Optional<Instant> recorded = start;
            process.filter(ProcessHandle::isAlive)
                    .filter(p -> recorded.isPresent() ? ours(p, recorded.get()) : oursByOldRecord(p))
                    .ifPresent(p -> {
                        report.accept("Stopping process " + p.pid() + " left by an earlier run");
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        exits.add(p.onExit());
                        ended.add(p.pid());
                    });
        }
        // All at once: the JDK sees a process that is not its child end by polling it.
        CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                .orTimeout(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> null)
                .join();
        delete();
        return ended;
    }

    /** Whether {@code process} is the one recorded as started at {@code recorded} from this repository. */
    private boolean ours(ProcessHandle process, Instant recorded) {
        boolean sameStart = process.info()
                .startInstant()
                .map(start -> Duration.between(start, recorded).abs().compareTo(SAME_START) <= 0)
                .orElse(false);
        return sameStart
                && (process.info()
                                .commandLine()
                                .map(c -> c.contains(root.toString()))
                                .orElse(false)
                        || runsIn(process.pid(), root));
    }

    /** A line with a pid alone (an older launcher's): its command line names the repository, or Keycloak. */
    private boolean oursByOldRecord(ProcessHandle process) {
        return process.info()
                .commandLine()
                .map(c -> c.contains(root.toString()) || c.contains("keycloak"))
                .orElse(false);
    }

    /** Whether the working directory of the process is in {@code dir}, where the system shows it (/proc). */
    static boolean runsIn(long pid, Path dir) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
            return cwd.startsWith(dir) || cwd.startsWith(dir.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, the process has gone, or not ours to read
        }
    }
}
