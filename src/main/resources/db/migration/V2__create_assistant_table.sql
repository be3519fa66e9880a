create table assistants (
    id              text primary key,
    tenant_id       text        not null references tenants (id) on delete cascade,
    seq             bigint generated always as identity,
    created_at      timestamptz not null default now(),
    name            text,
    description     text,
    model           text        not null,
    instructions    text,
    tools           jsonb       not null default '[]',
    tool_resources  jsonb,
    metadata        jsonb       not null default '{}',
    temperature     double precision,
    top_p           double precision,
    response_format jsonb
);

create index assistants_tenant_seq_idx on assistants (tenant_id, seq);

alter table assistants enable row level security;
alter table assistants force row level security;
create policy tenant_isolation on assistants
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
