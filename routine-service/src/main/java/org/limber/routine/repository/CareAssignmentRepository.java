package org.limber.routine.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.CareAssignment;

@ApplicationScoped
public class CareAssignmentRepository implements PanacheRepositoryBase<CareAssignment, String> {}
