package org.limber.routine.rest;

import java.time.Instant;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.limber.routine.domain.privacy.Erasure;
import org.limber.routine.domain.privacy.LegalHold;

/** The JSON of erasure requests and legal holds. */
public final class ErasureViews {

    private ErasureViews() {}

    /** A legal hold to place: why the member's record must be kept. */
    public record HoldRequest(
            @NotBlank
            @Size(min = 1, max = LegalHold.MAX_REASON)
            @Schema(description = "Why the record must be kept (1 to 500 characters)")
            String reason) {}

    public record ServiceView(String service, String status, Instant completedAt) {}

    @Schema(
            description =
                    "status HELD (a legal hold: holdReason says why), IN_PROGRESS or COMPLETED; each service's part PENDING or DONE. memberId is the member's pseudonym in a list once the request has completed")
    public record ErasureView(
            String memberId,
            Erasure.Status status,
            Instant requestedAt,
            String requestedBy,
            Instant completedAt,
            String holdReason,
            List<ServiceView> services) {

        static ErasureView of(Erasure e) {
            return new ErasureView(
                    e.memberId(),
                    e.status(),
                    e.requestedAt(),
                    e.requestedBy(),
                    e.completedAt(),
                    e.holdReason(),
                    e.services().stream()
                            .map(p -> new ServiceView(p.service(), p.status(), p.completedAt()))
                            .toList());
        }
    }

    public record HoldView(String memberId, String reason, String placedBy, Instant placedAt) {

        static HoldView of(LegalHold h) {
            return new HoldView(h.memberId(), h.reason(), h.placedBy(), h.placedAt());
        }
    }
}
