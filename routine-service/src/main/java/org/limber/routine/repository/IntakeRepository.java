package org.limber.routine.repository;

import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.IntakeRecord;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<IntakeRecord, UUID> {}
