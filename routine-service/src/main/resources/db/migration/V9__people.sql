-- The directory of people: the names shown instead of ids. Keycloak stays the source of truth; a row
-- is a copy. A member's names come from their own token when they use the API; clinicians (and
-- whether their account is enabled) from Keycloak's group /clinicians, read on a schedule.
create table person (
    id              text        primary key,
    given_name      text,
    family_name     text,
    preferred_name  text,
    email           text,
    clinician       boolean     not null default false,
    enabled         boolean     not null default true,
    updated_at      timestamptz not null
);
create index person_clinicians on person (id) where clinician;
