-- engagement-service: what it learned from routine's member events and progress's care alerts, reminder
-- settings and their next due instant, push subscriptions and contacts, deliveries, messages, escalations.

-- Events taken in (idempotency: an event id seen before changes nothing).
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null
);

-- A member's plan as far as reminders need it (the highest plan version and suspension sequence win).
create table member_plan (
    member_id         text primary key,
    plan_version      int not null default 0,
    sessions_per_week int not null default 0,
    suspended         boolean not null default false,
    status_sequence   bigint not null default 0,
    clinician_id      text,
    care_sequence     bigint not null default 0,
    updated_at        timestamptz not null
);
create index member_plan_clinician on member_plan (clinician_id);

-- Sessions logged: the member's local day is worked out in the member's time zone when a reminder is due.
create table member_session (
    member_id    text not null,
    session_id   uuid not null,
    performed_at timestamptz not null,
    primary key (member_id, session_id)
);
create index member_session_recent on member_session (member_id, performed_at desc);

-- Reminder settings; next_fire_at is the next instant the scheduler claims the row (null: nothing due).
create table reminder (
    member_id    text primary key,
    days         text[] not null,
    at_time      time not null,
    time_zone    text not null,
    quiet_from   time,
    quiet_to     time,
    channels     text[] not null,
    enabled      boolean not null,
    next_fire_at timestamptz,
    next_day     date,
    next_kind    text,
    last_sent_on date,
    updated_at   timestamptz not null
);
create index reminder_due on reminder (next_fire_at) where enabled and next_fire_at is not null;

-- Who can be reached, learned from their own tokens (e-mail, name, whether staff and which roles).
create table contact (
    user_id    text primary key,
    email      text,
    name       text,
    roles      text[] not null default '{}',
    updated_at timestamptz not null
);

create table push_subscription (
    endpoint   text primary key,
    user_id    text not null,
    p256dh     text not null,
    auth       text not null,
    created_at timestamptz not null
);
create index push_subscription_user on push_subscription (user_id);

-- One notification to one address: retried with back-off (attempts, next_attempt_at) until sent,
-- gone (the subscription was removed) or failed for good.
create table delivery (
    id              bigserial primary key,
    user_id         text not null,
    channel         text not null,
    target          text not null,
    kind            text not null,
    title           text not null,
    body            text not null,
    status          text not null default 'PENDING',
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';

create table message (
    id          uuid primary key,
    member_id   text not null,
    author      text not null,
    author_id   text not null,
    author_name text,
    body        text not null,
    sent_at     timestamptz not null,
    read_at     timestamptz,
    flagged     boolean not null default false
);
create index message_thread on message (member_id, sent_at desc, id);

-- URGENT and EMERGENCY alerts and their escalation state.
create table alert (
    alert_id           uuid primary key,
    member_id          text not null,
    clinician_id       text,
    severity           text not null,
    raised_at          timestamptz not null,
    state              text not null,
    level              int not null,
    next_escalation_at timestamptz
);
create index alert_due on alert (next_escalation_at) where state = 'OPEN';
create index alert_member on alert (member_id);

create table escalation (
    id         bigserial primary key,
    alert_id   uuid not null references alert (alert_id),
    level      int not null,
    at         timestamptz not null,
    notified   text not null,
    recipients int not null,
    channels   text[] not null
);
create index escalation_alert on escalation (alert_id, at);
