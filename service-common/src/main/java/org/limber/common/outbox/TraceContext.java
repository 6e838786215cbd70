package org.limber.common.outbox;

import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the current span is stored
 * with the event, and the relay continues that trace when it sends the event to Kafka.
 */
final class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {}

    /** The current span as a traceparent, or null without a sampled span (tracing off). */
    static String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The context a stored traceparent describes, or null when there is none. */
    static Context fromTraceParent(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return null;
        }
        Context context = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceParent), GETTER);
        return Span.fromContext(context).getSpanContext().isValid() ? context : null;
    }
}
