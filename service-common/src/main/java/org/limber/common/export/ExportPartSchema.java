package org.limber.common.export;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape {@link MemberDataWriter} writes, for the OpenAPI documents (the writer streams it; nothing
 * builds this record).
 *
 * @param service              the service the part comes from
 * @param memberId             whose data it is
 * @param exportedAt           when it was read (ISO-8601)
 * @param maxRowsPerCollection the cap on each collection
 * @param derived              figures computed from the rows (progress: the measures)
 * @param collections          one per exported table (or query): the rows, their count and whether it was cut
 * @param truncatedCollections the names of the collections that were cut at the cap
 */
@Schema(name = "MemberDataPart", description = "One service's part of a member's data export")
public record ExportPartSchema(
        String service,
        String memberId,
        String exportedAt,
        int maxRowsPerCollection,
        Map<String, Object> derived,
        Map<String, Collection> collections,
        List<String> truncatedCollections) {

    /** One collection: {@code items} are the rows, every selected column named in camelCase. */
    @Schema(name = "MemberDataCollection")
    public record Collection(String table, List<Map<String, Object>> items, int count, boolean truncated) {}
}
