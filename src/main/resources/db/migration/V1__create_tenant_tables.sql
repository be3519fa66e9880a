-- Identity registry. Looked up before any tenant is known (to authenticate a key), so these two tables carry no
-- row-level security policy; they hold no tenant content, and API keys only as SHA-256 hashes.
create table tenants (
    id           text primary key,
    name         text        not null,
    disabled     boolean     not null default false,
    token_secret text        not null,
    created_at   timestamptz not null default now()
);

create table api_keys (
    id         text primary key,
    tenant_id  text        not null references tenants (id) on delete cascade,
    key_hash   text        not null unique,
    key_hint   text        not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

create index api_keys_tenant_idx on api_keys (tenant_id);
