-- Revocation by generation, not by time: a user token carries the generations current when it was minted (ugen for
-- its user, tgen for its tenant) and is refused once either has moved on. Unlike iat, whose unit is a second, this
-- separates a token minted just before a revocation from one minted just after it in the same second.
create table user_token_revocations (
    tenant_id  text        not null references tenants (id) on delete cascade,
    user_id    text        not null,
    generation bigint      not null,
    revoked_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);

alter table user_token_revocations enable row level security;
alter table user_token_revocations force row level security;
create policy tenant_isolation on user_token_revocations
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Rotating a tenant's API keys moves this on, ending every user token of the tenant minted before.
alter table tenants add column token_generation bigint not null default 0;
