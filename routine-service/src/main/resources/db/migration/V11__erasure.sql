-- Erasure of a member (GDPR Art. 17) and legal holds (issue 25). Routine owns the request: it erases its own rows,
-- asks progress and engagement (privacy.erasure-requests), collects their reports (privacy.erasure-reports) and
-- deletes the member's Keycloak account. All state is here, so a restart midway loses nothing.

-- Members erased here, by pseudonym only (service-common Pseudonyms): the event intake passes over any later event
-- keyed by one of them, so that replaying a topic rebuilds nothing.
create table erased_member (
    pseudonym   text        primary key,
    erased_at   timestamptz not null
);

-- One request per member, found by the member's pseudonym. member_id is kept only while the erasure runs (the
-- Keycloak account is deleted by id) and cleared when it completes; requested_by likewise when the member asked.
create table erasure_request (
    pseudonym     text        primary key,
    member_id     text,
    status        text        not null check (status in ('HELD', 'IN_PROGRESS', 'COMPLETED')),
    requested_at  timestamptz not null,
    requested_by  text        not null,
    completed_at  timestamptz,
    hold_reason   text,
    check (status = 'COMPLETED' or member_id is not null)
);
create index erasure_request_status on erasure_request (status, requested_at);

-- Each service's part: routine, progress, engagement, keycloak.
create table erasure_service (
    pseudonym       text        not null references erasure_request (pseudonym),
    service         text        not null check (service in ('routine', 'progress', 'engagement', 'keycloak')),
    status          text        not null check (status in ('PENDING', 'DONE')),
    completed_at    timestamptz,
    last_attempt_at timestamptz,
    last_error      text,
    primary key (pseudonym, service)
);

-- A legal hold: the member's clinical record must be kept; their erasure waits (HELD, with the reason) until released.
create table legal_hold (
    member_id   text        primary key,
    reason      text        not null,
    placed_by   text        not null,
    placed_at   timestamptz not null
);
