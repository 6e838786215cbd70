package org.limber.console.service;

import org.limber.console.domain.Problem;

/** A call to a service that failed, with what to tell the user. */
public class ServiceException extends RuntimeException {

    private final transient Problem problem;

    public ServiceException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
