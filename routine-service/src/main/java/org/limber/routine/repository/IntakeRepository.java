package org.limber.routine.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.limber.routine.domain.IntakeRecord;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<IntakeRecord, UUID> {
}
