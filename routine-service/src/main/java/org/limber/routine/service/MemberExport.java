package org.limber.routine.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import org.limber.common.export.MemberDataWriter;
import org.limber.common.time.Timestamps;
import org.limber.routine.client.ExportParts;
import org.limber.routine.config.ExportConfig;
import org.limber.routine.repository.MemberExportTables;

/**
 * A member's copy of everything Limber holds about them, as one JSON file: {@code {"format": "limber-export",
 * "version": 1, "memberId", "exportedAt", "routine": {...}, "progress": {...}, "engagement": {...}}}. The
 * other services' parts are opened first, with the member's own token; if one cannot be had the export is a
 * 503 before any byte is written. Then routine's part is written from its database (a cursor, one snapshot,
 * each collection capped) and the two parts are copied through token by token as they arrive (checked to be
 * JSON objects, never held whole), so the file is streamed end to end.
 */
@ApplicationScoped
public class MemberExport {

    /** The export's format name and version, the first members of the file. */
    public static final String FORMAT = "limber-export";

    public static final int VERSION = 1;

    /** An export ready to write: when it was taken, and the body. */
    public record Export(Instant exportedAt, StreamingOutput body) {}

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ExportConfig config;
    private final ExportParts parts;

    public MemberExport(AgroalDataSource dataSource, ObjectMapper mapper, Clock clock, ExportConfig config) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.parts = new ExportParts(config.partTimeout());
    }

    /** Opens the other parts (a 503 problem if one is unavailable) and returns the export to stream. */
    public Export export(String memberId, String bearerToken) {
        ExportParts.Opened opened = parts.open(config.progressUrl(), config.engagementUrl(), bearerToken);
        Instant exportedAt = Timestamps.now(clock);
        int maxRows = Math.max(1, config.maxRowsPerCollection());
        StreamingOutput body = out -> {
            try (opened;
                    JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeNumberField("version", VERSION);
                json.writeStringField("memberId", memberId);
                json.writeStringField("exportedAt", exportedAt.toString());
                json.writeFieldName("routine");
                MemberDataWriter.writePart(
                        json, dataSource, MemberExportTables.MANIFEST, memberId, exportedAt, maxRows, Map.of());
                pipe(json, "progress", opened.progress().body());
                pipe(json, "engagement", opened.engagement().body());
                json.writeEndObject();
            }
        };
        return new Export(exportedAt, body);
    }

    /** Copies one part, token by token, as the value of {@code name}. */
    private void pipe(JsonGenerator json, String name, InputStream part) throws IOException {
        json.writeFieldName(name);
        try (JsonParser parser = mapper.getFactory().createParser(part)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(name + "-service's part is not a JSON object");
            }
            json.copyCurrentStructure(parser);
        }
        json.flush();
    }
}
