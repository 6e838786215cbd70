package org.limber.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the launcher started as a child process, its output going to a log file. Stopping it
 * asks politely (SIGTERM) and then ends it and every process it started. A JVM started here carries
 * {@link PidFile#marker}, so that the next start can tell it apart should the launcher be killed.
 */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir} for the launcher of the repository {@code root}, marked
     * ({@link #marked}).
     */
    static ManagedProcess start(
            String name, Path root, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(marked(command, root))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return new ManagedProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * The command with {@link PidFile#marker} as its first option when it starts a JVM (its program is a
     * {@code java}); a start script (Keycloak's) is told apart by its own path in the repository instead.
     */
    static List<String> marked(List<String> command, Path root) {
        String program = Path.of(command.get(0)).getFileName().toString();
        if (!program.equals("java") && !program.equals("java.exe")) {
            return command;
        }
        List<String> marked = new ArrayList<>(command);
        marked.add(1, PidFile.marker(root));
        return marked;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Completes when the process has exited. */
    java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Its exit code, or "none" while it runs. */
    String exitCode() {
        return process.isAlive() ? "none" : String.valueOf(process.exitValue());
    }

    /** The last lines of its log, to show why it did not come up. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to it and its descendants, then SIGKILL to whatever is left after {@code grace}. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : tree) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
                descendant
                        .onExit()
                        .orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(e -> null)
                        .join();
            }
        }
    }
}
