package org.limber.console.client;

/** A note sent with an action (acknowledging an alert, undoing an automatic change). */
public record Note(String note) {}
