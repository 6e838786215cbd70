package org.limber.catalog.domain;

/** Where a published version came from: the content files in the repository, or an editor. */
public enum Origin {
    SEED,
    EDITOR
}
