-- The operator's per-tenant model allow-list: the models (by name as runs send them) and the named providers whose
-- models the tenant may use. No row, or both lists empty, means unrestricted.
create table tenant_models (
    tenant_id  text primary key references tenants (id) on delete cascade,
    models     text[]      not null default '{}',
    providers  text[]      not null default '{}',
    updated_at timestamptz not null default now()
);

alter table tenant_models enable row level security;
alter table tenant_models force row level security;
create policy tenant_isolation on tenant_models
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
