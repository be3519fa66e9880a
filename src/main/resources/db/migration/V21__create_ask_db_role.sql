-- ask_database's login role (chat.tool.sql.username, default threadline_ask_db; docs/ask-database.md): no superuser,
-- no BYPASSRLS, no CREATEDB/CREATEROLE/REPLICATION, NOINHERIT and a member of no role; it may use the ask_db schema,
-- SELECT ask_db.courses and bind a tenant, nothing else. Roles are cluster-wide, so this tolerates a role made before
-- (by db/init/ask-db-role.psql, or by this migration in another database of the same server) and re-asserts its
-- attributes, but grants per database. A migrating user that may not manage roles leaves the role to
-- db/init/ask-db-role.psql and only grants, if the role exists. The password arrives as a SCRAM verifier (the
-- cleartext never reaches the server), or empty to leave it as it is.
do $migration$
declare
    tool_role  constant text    := '${ask_db_role}';
    secret     constant text    := $ask_db_secret$${ask_db_password}$ask_db_secret$;
    superuser  constant boolean := (select rolsuper from pg_roles where rolname = current_user);
    manager    constant boolean := superuser or (select rolcreaterole from pg_roles where rolname = current_user);
    settings   constant text[]  := array['search_path=ask_db', 'default_transaction_read_only=on',
                                         'statement_timeout=30s', 'lock_timeout=5s',
                                         'idle_in_transaction_session_timeout=60s'];
    guarded    constant text[]  := array['temp_file_limit=64MB', 'track_activities=off'];
    setting    text;
    membership record;
    attempt    int := 0;
begin
    -- chat.tool.sql.username naming the app's own role or a superuser would otherwise be stripped below.
    if tool_role in (current_user, session_user)
       or exists (select from pg_roles r where r.rolname = tool_role
                  and (exists (select from pg_database d where d.datdba = r.oid)
                       or exists (select from pg_namespace n where n.nspowner = r.oid)
                       or exists (select from pg_class c where c.relowner = r.oid))) then
        raise exception 'ask_database: chat.tool.sql.username (%) must name a dedicated role that owns nothing', tool_role;
    end if;
    -- Other databases of the server may be migrating at the same moment: creating or altering the same role then
    -- fails with a duplicate or "tuple concurrently updated"; try again.
    loop
        begin
            if not exists (select from pg_roles where rolname = tool_role) then
                if not manager then
                    raise warning 'ask_database: role % does not exist and % may not create roles; run '
                        'db/init/ask-db-role.psql as a superuser (docs/ask-database.md)', tool_role, current_user;
                    return;
                end if;
                execute format('create role %I login nosuperuser nobypassrls nocreatedb nocreaterole noinherit '
                               'noreplication', tool_role);
            end if;
            if superuser then
                if exists (select from pg_roles where rolname = tool_role and (rolsuper or rolbypassrls or rolcreatedb
                           or rolcreaterole or rolreplication or rolinherit or not rolcanlogin)) then
                    execute format('alter role %I login nosuperuser nobypassrls nocreatedb nocreaterole noinherit '
                                   'noreplication', tool_role);
                end if;
                for membership in
                    select g.rolname as grp, r.rolname as grantor
                    from pg_auth_members m
                    join pg_roles g on g.oid = m.roleid
                    join pg_roles r on r.oid = m.grantor
                    where m.member = (select oid from pg_roles where rolname = tool_role)
                loop
                    if current_setting('server_version_num')::int >= 160000 then
                        execute format('revoke %I from %I granted by %I cascade', membership.grp, tool_role,
                                       membership.grantor);
                    else
                        execute format('revoke %I from %I cascade', membership.grp, tool_role);
                    end if;
                end loop;
            end if;
            if manager and secret <> '' then
                execute format('alter role %I password %L', tool_role, secret);
            end if;
            foreach setting in array settings || (case when superuser then guarded else array[]::text[] end) loop
                if manager and not exists (select from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
                                           where r.rolname = tool_role and s.setdatabase = 0
                                             and setting = any (s.setconfig)) then
                    execute format('alter role %I set %s = %L', tool_role, split_part(setting, '=', 1),
                                   split_part(setting, '=', 2));
                end if;
            end loop;
            exit;
        exception
            when unique_violation or duplicate_object or internal_error then
                attempt := attempt + 1;
                if attempt >= 10 then
                    raise;
                end if;
                perform pg_sleep(0.05 * attempt + random() * 0.1);
            when insufficient_privilege then
                raise warning 'ask_database: % may not alter role % (%); run db/init/ask-db-role.psql as a superuser',
                    current_user, tool_role, sqlerrm;
                exit;
        end;
    end loop;

    if not exists (select from pg_roles where rolname = tool_role) then
        return;
    end if;
    -- Per database, on objects the migrating user owns. search_path alone is not trusted: the tool sets it per query.
    execute format('grant usage on schema ask_db, ask_db_seal to %I', tool_role);
    execute format('grant select on table ask_db.courses to %I', tool_role);
    execute format('grant execute on function ask_db_seal.bind_tenant(text, text), ask_db_seal.sealed_tenant() to %I',
                   tool_role);
    execute format('revoke all on all tables in schema public from %I', tool_role);
    execute format('revoke all on all sequences in schema public from %I', tool_role);
end
$migration$;
