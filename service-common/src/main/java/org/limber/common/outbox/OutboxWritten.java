package org.limber.common.outbox;

/** Fired when an event enters the outbox; observed after commit to relay it without waiting. */
public record OutboxWritten(String topic) {}
