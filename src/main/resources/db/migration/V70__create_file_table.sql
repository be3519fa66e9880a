-- Files (OpenAI's Files API): the metadata of each stored object; the bytes live in the configured storage under
-- storage_key (never derived from user input). A file uploaded with a user token belongs to that user.
create table files (
    id          text primary key,
    tenant_id   text        not null references tenants (id) on delete cascade,
    seq         bigint generated always as identity,
    created_at  timestamptz not null default now(),
    user_id     text,
    filename    text        not null,
    purpose     text        not null,
    bytes       bigint      not null check (bytes >= 0),
    media_type  text        not null,
    storage_key text        not null
);

create index files_tenant_seq_idx on files (tenant_id, seq);
create index files_tenant_user_seq_idx on files (tenant_id, user_id, seq);
create index files_tenant_purpose_seq_idx on files (tenant_id, purpose, seq);

alter table files enable row level security;
alter table files force row level security;
create policy tenant_isolation on files
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
