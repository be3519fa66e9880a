-- Quotas and rate limits: an operator's per-tenant overrides of chat.limits.* (a null column keeps the default), and
-- each tenant's model tokens per UTC day, counted when a run ends.
create table tenant_limits (
    tenant_id                    text primary key references tenants (id) on delete cascade,
    requests_per_second_per_key  bigint check (requests_per_second_per_key > 0),
    requests_per_second_per_user bigint check (requests_per_second_per_user > 0),
    active_runs_per_tenant       bigint check (active_runs_per_tenant > 0),
    active_runs_per_user         bigint check (active_runs_per_user > 0),
    streams_per_tenant           bigint check (streams_per_tenant > 0),
    streams_per_user             bigint check (streams_per_user > 0),
    tokens_per_day               bigint check (tokens_per_day > 0),
    updated_at                   timestamptz not null default now()
);

create table token_usage_days (
    tenant_id text   not null references tenants (id) on delete cascade,
    day       date   not null,
    tokens    bigint not null default 0,
    primary key (tenant_id, day)
);

alter table tenant_limits enable row level security;
alter table tenant_limits force row level security;
create policy tenant_isolation on tenant_limits
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table token_usage_days enable row level security;
alter table token_usage_days force row level security;
create policy tenant_isolation on token_usage_days
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
