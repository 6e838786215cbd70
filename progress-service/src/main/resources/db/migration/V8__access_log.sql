-- The access audit: every read or change of a member's data by a clinician or an admin, in any service
-- (MemberDataAccessed on audit.member-access). No health content: who, which member, what, when, through which
-- client. Append-only: the trigger below refuses a DELETE and an UPDATE of anything but member_ref (erasure
-- replaces the member's id by their pseudonym); the retention purge is the one delete allowed, in a transaction
-- that sets limber.access_log_purge to 'on' (AccessLogRepository.purgeBefore).
create table access_log (
    id          bigserial   primary key,
    event_id    uuid        not null unique,
    member_ref  text        not null,
    actor_id    text        not null,
    actor_role  text        not null check (actor_role in ('clinician', 'admin')),
    operation   text        not null check (operation in ('READ', 'CHANGE')),
    resource    text        not null,
    service     text        not null,
    client      text,
    accessed_at timestamptz not null
);
-- A member's log, newest first; the admin's filters by member, by actor, by time.
create index access_log_member on access_log (member_ref, accessed_at desc, id desc);
create index access_log_actor on access_log (actor_id, accessed_at desc, id desc);
create index access_log_time on access_log (accessed_at desc, id desc);

create function access_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if coalesce(current_setting('limber.access_log_purge', true), '') = 'on' then
            return old;
        end if;
        raise exception 'access_log is append-only: rows are removed only by the retention purge'
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'UPDATE' then
        if new.id is distinct from old.id
                or new.event_id is distinct from old.event_id
                or new.actor_id is distinct from old.actor_id
                or new.actor_role is distinct from old.actor_role
                or new.operation is distinct from old.operation
                or new.resource is distinct from old.resource
                or new.service is distinct from old.service
                or new.client is distinct from old.client
                or new.accessed_at is distinct from old.accessed_at then
            raise exception 'access_log is append-only: only member_ref may change (pseudonymization)'
                using errcode = 'insufficient_privilege';
        end if;
        return new;
    end if;
    raise exception 'access_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_append_only();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_append_only();

-- The names of clinicians and admins, from their own tokens when they call progress-service, so that a member's
-- access log shows who by name (names never travel in events). Written only when a name changes.
create table staff_name (
    actor_id   text        primary key,
    name       text        not null,
    updated_at timestamptz not null
);
