package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The ids of every process a run started (PostgreSQL's postmaster included), kept in
 * {@code .local/run/pids} while it runs. A launcher that was killed (a closed terminal,
 * {@code kill -9}) cannot stop them; the next start ends them from this file before it checks
 * that its ports are free.
 */
final class PidFile {

    private final Path file;
    private final Path root;

    PidFile(Path file, Path root) {
        this.file = file;
        this.root = root;
    }

    void write(Collection<Long> pids) {
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = pids.stream().map(String::valueOf).toList();
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
     * Ends every process of the file that is still alive and was started from this repository (its
     * command line names the repository's folder, or Keycloak), and their descendants; waits until
     * they are gone, then deletes the file. Returns the ids it ended.
     */
    List<Long> killLeftovers(Consumer<String> report) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Long> ended = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(line.trim()))
                        .filter(ProcessHandle::isAlive)
                        .filter(this::ours)
                        .ifPresent(p -> {
                            report.accept("Stopping process " + p.pid() + " left by an earlier run");
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                            p.onExit()
                                    .orTimeout(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)
                                    .exceptionally(e -> null)
                                    .join();
                            ended.add(p.pid());
                        });
            }
        } catch (IOException | NumberFormatException e) {
            report.accept("Ignoring an unreadable " + file + ": " + e.getMessage());
        }
        delete();
        return ended;
    }

    private boolean ours(ProcessHandle process) {
        return process.info()
                .commandLine()
                .map(c -> c.contains(root.toString()) || c.contains("keycloak"))
                .orElse(false);
    }
}
