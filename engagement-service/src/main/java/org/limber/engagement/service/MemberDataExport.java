package org.limber.engagement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.limber.common.export.MemberDataWriter;
import org.limber.common.time.Timestamps;
import org.limber.engagement.repository.MemberExportTables;

/**
 * engagement-service's part of a member's data export, written as the response is sent: every collection of
 * {@link MemberExportTables}, read through a cursor in one snapshot, each cut at
 * {@code limber.export.max-rows-per-collection} rows (10,000 by default) and marked when cut.
 */
@ApplicationScoped
public class MemberDataExport {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int maxRows;

    public MemberDataExport(
            AgroalDataSource dataSource,
            ObjectMapper mapper,
            Clock clock,
            @ConfigProperty(name = "limber.export.max-rows-per-collection", defaultValue = "10000") int maxRows) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
        this.maxRows = Math.max(1, maxRows);
    }

    /** The member's part; {@code derived} holds figures computed from the rows (the measures). */
    public StreamingOutput part(String memberId, Map<String, Object> derived) {
        Instant exportedAt = Timestamps.now(clock);
        return MemberDataWriter.streamedPart(
                mapper, dataSource, MemberExportTables.MANIFEST, memberId, exportedAt, maxRows, derived);
    }
}
