package org.limber.routine.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.routine.domain.CareAssignment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CareAssignmentRepository implements PanacheRepositoryBase<CareAssignment, String> {
}
