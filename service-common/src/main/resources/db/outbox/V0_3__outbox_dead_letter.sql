-- Events the relay can never send (larger than the broker accepts, not serializable) are parked
-- here with the reason, so that one such event does not hold back every later event. Ops can
-- inspect them and, once the cause is fixed, move them back into outbox_event.
create table outbox_dead_letter (
    id            bigint      primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    payload       text        not null,
    occurred_at   timestamptz not null,
    created_at    timestamptz not null,
    trace_parent  text,
    reason        text        not null,
    parked_at     timestamptz not null default now()
);
