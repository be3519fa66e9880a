-- ask_database (docs/ask-database.md). The model's SQL runs as a login role that may read one relation,
-- ask_db.courses: the calling tenant's courses in the seed's columns. Which tenant is not up to that role: the view
-- shows a tenant's rows only while app.tenant_seal holds a keyed hash of app.tenant_id made with a key the role cannot
-- read. The application holds the key and binds each tool transaction to its tenant through bind_tenant(); a session
-- of the tool role that sets app.tenant_id itself, by any means, sees no rows at all.

create schema ask_db_seal;
revoke all on schema ask_db_seal from public;

create table ask_db_seal.seal_key (
    only_row  boolean primary key default true check (only_row),
    inner_key bytea not null,
    outer_key bytea not null
);
revoke all on table ask_db_seal.seal_key from public;

-- Two 256-bit keys hashed from version-4 UUIDs (122 random bits each, from the server's strong random source), so no
-- extension is needed.
insert into ask_db_seal.seal_key (inner_key, outer_key)
values (sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')),
        sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')));

-- The seal of a tenant: sha256(outer_key || sha256(inner_key || tenant_id)), hex (HMAC's nested construction with
-- two independent keys). TenantSeal computes the same in Java.
create function ask_db_seal.seal_matches(tenant text, seal text) returns boolean
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select tenant <> ''
       and seal = encode(sha256(k.outer_key || sha256(k.inner_key || convert_to(tenant, 'UTF8'))), 'hex')
    from ask_db_seal.seal_key k
$$;
revoke all on function ask_db_seal.seal_matches(text, text) from public;

-- Binds the current transaction to a tenant, given its seal; false (and nothing set) for a wrong seal. SET LOCAL
-- rather than set_config(), whose EXECUTE V22 revokes from PUBLIC.
create function ask_db_seal.bind_tenant(tenant text, seal text) returns boolean
    language plpgsql
    volatile
    security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not coalesce(ask_db_seal.seal_matches(tenant, seal), false) then
        return false;
    end if;
    execute format('set local app.tenant_id = %L', tenant);
    execute format('set local app.tenant_seal = %L', seal);
    return true;
end
$$;
revoke all on function ask_db_seal.bind_tenant(text, text) from public;

-- The tenant whose rows a tool query may see, or null. Stable, so evaluated once per query rather than per row.
create function ask_db_seal.sealed_tenant() returns text
    language sql
    stable
    security definer
    set search_path = pg_catalog, pg_temp
as $$
    select s.tenant
    from (select current_setting('app.tenant_id', true) as tenant,
                 current_setting('app.tenant_seal', true) as seal) s
    where ask_db_seal.seal_matches(s.tenant, s.seal)
$$;
revoke all on function ask_db_seal.sealed_tenant() from public;

create schema ask_db;
revoke all on schema ask_db from public;

-- The seed's Courses table as the model sees it. The view reads public.courses with its owner's rights: an owner that
-- is a superuser bypasses row-level security, so the view's own filter is the boundary there; an owner that is a plain
-- table owner is also held by the FORCE'd policy (app.tenant_id is set by bind_tenant). security_barrier keeps the
-- model's own conditions from running before the view's filter.
create view ask_db.courses with (security_barrier) as
select c.id, c.course_date, c.start_time, c.end_time, c.course_name, c.instructor
from public.courses c
where c.tenant_id = ask_db_seal.sealed_tenant();
revoke all on table ask_db.courses from public;
