-- The keys that sign each tenant's user tokens (HS256), named by the JWT header's kid. The secret is kept only
-- encrypted under the master key (CHAT_MASTER_KEY, Tink AEAD with the tenant and kid as associated data), so a copy
-- of the database alone cannot mint tokens. The newest unretired key signs; older ones keep verifying the tokens
-- they signed until those have expired (chat.user-tokens.max-ttl), then a rotation retires them.
create table signing_keys (
    id         text primary key,
    tenant_id  text        not null references tenants (id) on delete cascade,
    secret     bytea       not null,
    created_at timestamptz not null default now(),
    retired_at timestamptz
);

create index signing_keys_tenant_created_idx on signing_keys (tenant_id, created_at);

-- Read while verifying a token, before any caller is known: the application binds app.tenant_id to the token's
-- (still unverified) tenant claim for the look-up, so a forged claim can only ever reach that tenant's own keys.
alter table signing_keys enable row level security;
alter table signing_keys force row level security;
create policy tenant_isolation on signing_keys
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
