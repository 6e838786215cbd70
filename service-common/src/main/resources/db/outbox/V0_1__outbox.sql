-- Transactional outbox: events written in the same transaction as the change they describe,
-- relayed to Kafka afterwards by OutboxRelay. Shared by every service (flyway location db/outbox).
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    payload       text        not null,
    occurred_at   timestamptz not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    attempts      int         not null default 0,
    last_error    text
);

create index outbox_event_unpublished on outbox_event (id) where published_at is null;
