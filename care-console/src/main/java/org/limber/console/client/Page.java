package org.limber.console.client;

import java.util.List;

/** One page of a list, as every service answers it. */
public record Page<T>(List<T> items, int page, int size, long total, long totalPages) {

    /** The page's number as people count (from 1). */
    public int number() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }
}
