package org.limber.common.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource method that reads or changes members' data: a successful (2xx) call by a clinician or
 * an admin records one {@code MemberDataAccessed} per member it touched, through the outbox
 * ({@link AccessAuditFilter}). The members are the one named by the path or query parameter
 * {@link #member()}, and any the method hands to {@link AccessAudit} (the members of a list it returned).
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedAccess {

    /** A short name of what is touched: {@code plan}, {@code sessions}, {@code panel}, {@code fhir:Observation}. */
    String resource();

    Operation operation() default Operation.READ;

    /** The path (first) or query parameter that names the member; empty when the method names them itself. */
    String member() default "";

    enum Operation {
        READ,
        CHANGE
    }
}
