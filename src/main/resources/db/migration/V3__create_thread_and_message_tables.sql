create table threads (
    id             text primary key,
    tenant_id      text        not null references tenants (id) on delete cascade,
    seq            bigint generated always as identity,
    created_at     timestamptz not null default now(),
    user_id        text,
    active_run_id  text,
    metadata       jsonb       not null default '{}',
    tool_resources jsonb
);

create index threads_tenant_seq_idx on threads (tenant_id, seq);
create index threads_tenant_user_seq_idx on threads (tenant_id, user_id, seq);

create table messages (
    id                 text primary key,
    tenant_id          text        not null references tenants (id) on delete cascade,
    thread_id          text        not null references threads (id) on delete cascade,
    seq                bigint generated always as identity,
    created_at         timestamptz not null default now(),
    role               text        not null check (role in ('user', 'assistant')),
    content            jsonb       not null default '[]',
    status             text        not null default 'completed',
    assistant_id       text,
    run_id             text,
    attachments        jsonb       not null default '[]',
    metadata           jsonb       not null default '{}',
    incomplete_details jsonb,
    completed_at       timestamptz,
    incomplete_at      timestamptz
);

create index messages_tenant_thread_seq_idx on messages (tenant_id, thread_id, seq);
create index messages_tenant_run_idx on messages (tenant_id, run_id);

alter table threads enable row level security;
alter table threads force row level security;
create policy tenant_isolation on threads
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table messages enable row level security;
alter table messages force row level security;
create policy tenant_isolation on messages
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
