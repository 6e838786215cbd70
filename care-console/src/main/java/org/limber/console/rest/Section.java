package org.limber.console.rest;

import java.util.function.Function;
import java.util.function.Supplier;

import org.limber.console.domain.Problem;
import org.limber.console.service.ServiceException;

/** A part of a page: its value, or the problem that kept it from loading (the rest of the page still shows). */
public record Section<T>(T value, Problem problem) {

    public boolean ok() {
        return problem == null;
    }

    /** The section with its value changed by {@code f}; a problem stays as it is. */
    <R> Section<R> map(Function<T, R> f) {
        return ok() ? new Section<>(f.apply(value), null) : new Section<>(null, problem);
    }

    /** Loads a part of a page; a service's failure becomes the section's problem instead of the page's. */
    static <T> Section<T> of(Supplier<T> load) {
        try {
            return new Section<>(load.get(), null);
        } catch (ServiceException e) {
            return new Section<>(null, e.problem());
        }
    }
}
