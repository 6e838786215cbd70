package org.limber.testsupport;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the log records at or above a level, from every category, while it is open: for tests
 * that a run logged no warning or error.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Level threshold;
    private final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();

    private LogCapture(Level threshold) {
        this.threshold = threshold;
    }

    /** Starts collecting records at {@code threshold} and above (WARNING, SEVERE) until closed. */
    public static LogCapture atLeast(Level threshold) {
        LogCapture capture = new LogCapture(threshold);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** What was collected, as "category: message" lines. */
    public List<String> lines() {
        return records.stream()
                .map(r -> r.getLoggerName() + ": " + r.getMessage())
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= threshold.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
