-- Runs and their steps. Token deltas are never stored: a run's row and its steps are written at state changes only.
create table runs (
    id                    text primary key,
    tenant_id             text        not null references tenants (id) on delete cascade,
    thread_id             text        not null references threads (id) on delete cascade,
    seq                   bigint generated always as identity,
    created_at            timestamptz not null default now(),
    assistant_id          text        not null,
    status                text        not null check (status in ('queued', 'in_progress', 'requires_action',
                                          'cancelling', 'cancelled', 'failed', 'completed', 'incomplete', 'expired')),
    required_action       jsonb,
    last_error            jsonb,
    expires_at            timestamptz,
    started_at            timestamptz,
    cancelled_at          timestamptz,
    failed_at             timestamptz,
    completed_at          timestamptz,
    incomplete_details    jsonb,
    model                 text        not null,
    instructions          text        not null default '',
    tools                 jsonb       not null default '[]',
    metadata              jsonb       not null default '{}',
    prompt_tokens         bigint,
    completion_tokens     bigint,
    total_tokens          bigint,
    temperature           double precision,
    top_p                 double precision,
    max_prompt_tokens     integer,
    max_completion_tokens integer,
    truncation_strategy   jsonb       not null,
    response_format       jsonb       not null,
    tool_choice           jsonb       not null,
    parallel_tool_calls   boolean     not null default true,
    -- The instance executing the run and when it last said so; lets another instance tell a dead owner.
    owner_instance        text,
    heartbeat_at          timestamptz
);

create index runs_tenant_thread_seq_idx on runs (tenant_id, thread_id, seq);
create index runs_tenant_active_idx on runs (tenant_id, status)
    where status in ('queued', 'in_progress', 'requires_action', 'cancelling');

create table run_steps (
    id                text primary key,
    tenant_id         text        not null references tenants (id) on delete cascade,
    run_id            text        not null references runs (id) on delete cascade,
    thread_id         text        not null,
    assistant_id      text        not null,
    seq               bigint generated always as identity,
    created_at        timestamptz not null default now(),
    type              text        not null check (type in ('message_creation', 'tool_calls')),
    status            text        not null check (status in ('in_progress', 'cancelled', 'failed', 'completed',
                                      'expired')),
    step_details      jsonb       not null,
    last_error        jsonb,
    expired_at        timestamptz,
    cancelled_at      timestamptz,
    failed_at         timestamptz,
    completed_at      timestamptz,
    metadata          jsonb       not null default '{}',
    prompt_tokens     bigint,
    completion_tokens bigint,
    total_tokens      bigint
);

create index run_steps_tenant_run_seq_idx on run_steps (tenant_id, run_id, seq);

alter table runs enable row level security;
alter table runs force row level security;
create policy tenant_isolation on runs
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table run_steps enable row level security;
alter table run_steps force row level security;
create policy tenant_isolation on run_steps
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
