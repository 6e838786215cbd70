-- The published catalog: one row per exercise, its current published version, with the
-- columns the public API filters on. The full content is in "content".
create table exercise (
    slug            text primary key,
    version         int         not null,
    status          text        not null check (status in ('PUBLISHED', 'RETIRED')),
    name            text        not null,
    category        text        not null,
    position        text        not null,
    level           text        not null,
    direction       text        not null,
    spinal_load     text        not null,
    unilateral      boolean     not null,
    regions         text[]      not null,
    equipment       text[]      not null,
    safety_tags     text[]      not null,
    easier          text[]      not null,
    harder          text[]      not null,
    search_text     text        not null,
    content         jsonb       not null,
    origin          text        not null check (origin in ('SEED', 'EDITOR')),
    seed_hash       text,
    published_at    timestamptz not null,
    retired_at      timestamptz,
    retire_reason   text
);

create index exercise_category on exercise (category);
create index exercise_regions on exercise using gin (regions);
create index exercise_search on exercise using gin (to_tsvector('english', search_text));

-- Every published version, immutable.
create table exercise_version (
    slug            text        not null references exercise (slug),
    version         int         not null,
    content         jsonb       not null,
    origin          text        not null check (origin in ('SEED', 'EDITOR')),
    author          text        not null,
    note            text,
    published_at    timestamptz not null,
    primary key (slug, version)
);

-- Work in progress: at most one draft per slug, invisible to the public API.
create table exercise_draft (
    slug            text primary key,
    content         jsonb       not null,
    lock_version    int         not null,
    base_version    int,
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_by      text        not null,
    updated_at      timestamptz not null
);
