package org.limber.common.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of a longer list (pages count from 0), with the size of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    @JsonProperty
    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
