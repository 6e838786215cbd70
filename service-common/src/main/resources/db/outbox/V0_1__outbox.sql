-- Transactional outbox: events written in the same transaction as the change they describe,
-- relayed to Kafka afterwards by OutboxRelay. Shared by every service (flyway location db/outbox).
-- Ids come from a sequence handed out 50 at a time, so that many events insert in one batch.
create sequence outbox_event_seq increment by 50;

create table outbox_event (
    id            bigint primary key default nextval('outbox_event_seq'),
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
