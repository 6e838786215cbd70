package org.limber.common.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void withoutASpanNothingIsStored() {
        assertThat(TraceContext.currentTraceParent()).isNull();
        assertThat(TraceContext.fromTraceParent(null)).isNull();
        assertThat(TraceContext.fromTraceParent("not-a-traceparent")).isNull();
    }

    @Test
    void theStoredTraceParentGivesBackTheSameTraceAndParentSpan() {
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        String stored;
        try (Scope ignored = span.storeInContext(Context.root()).makeCurrent()) {
            stored = TraceContext.currentTraceParent();
        }
        assertThat(stored).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");

        SpanContext restored =
                Span.fromContext(TraceContext.fromTraceParent(stored)).getSpanContext();
        assertThat(restored.getTraceId()).isEqualTo(TRACE);
        assertThat(restored.getSpanId()).isEqualTo(SPAN);
        assertThat(restored.isRemote()).isTrue();
    }
}
