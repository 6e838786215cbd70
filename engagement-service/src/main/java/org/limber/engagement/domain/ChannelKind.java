package org.limber.engagement.domain;

/** How a notification reaches someone. */
public enum ChannelKind {
    PUSH,
    EMAIL
}
