-- The W3C traceparent of the request that wrote the event (null when tracing is off), so that the
-- relay's Kafka record continues the request's trace into the consumer.
alter table outbox_event add column trace_parent text;
