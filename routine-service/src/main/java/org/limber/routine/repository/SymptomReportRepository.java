package org.limber.routine.repository;

import java.util.Optional;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.limber.routine.domain.SymptomReport;

@ApplicationScoped
public class SymptomReportRepository implements PanacheRepositoryBase<SymptomReport, SymptomReport.Key> {

    public Optional<SymptomReport> find(String memberId, UUID reportId) {
        return findByIdOptional(new SymptomReport.Key(memberId, reportId));
    }
}
