-- ask_database (docs/ask-database.md): what every role, the tool's included, may do by default and the tool must not.
-- Revoking from PUBLIC needs a superuser (the default local set-up migrates as one); elsewhere
-- db/init/ask-db-role.psql does the same as a superuser. Per database, so run in each.
do $migration$
declare
    superuser constant boolean := (select rolsuper from pg_roles where rolname = current_user);
    owner     constant boolean := pg_has_role(current_user,
                                              (select datdba from pg_database where datname = current_database()),
                                              'MEMBER');
    fn        regprocedure;
begin
    if superuser then
        -- set_config() would let a SELECT switch app.tenant_id halfway through; the application binds tenants with
        -- SET LOCAL, which needs no privilege.
        revoke execute on function pg_catalog.set_config(text, text, boolean) from public;
        -- These run SQL given as text, or act on other sessions of the same role (other tenants' tool calls).
        for fn in
            select p.oid::regprocedure
            from pg_proc p
            where p.pronamespace = 'pg_catalog'::regnamespace
              and p.proname in ('query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema',
                                'cursor_to_xml', 'cursor_to_xmlschema', 'table_to_xml', 'table_to_xmlschema',
                                'table_to_xml_and_xmlschema', 'schema_to_xml', 'schema_to_xmlschema',
                                'schema_to_xml_and_xmlschema', 'database_to_xml', 'database_to_xmlschema',
                                'database_to_xml_and_xmlschema', 'ts_stat', 'ts_rewrite',
                                'pg_terminate_backend', 'pg_cancel_backend')
        loop
            execute format('revoke execute on function %s from public', fn);
        end loop;
    else
        raise warning 'ask_database: % is not a superuser, so PUBLIC keeps EXECUTE on set_config() and on functions '
            'that run SQL from text; run db/init/ask-db-role.psql as a superuser (docs/ask-database.md)', current_user;
    end if;
    -- Temporary tables are the one thing a role may create in a database by default.
    if superuser or owner then
        execute format('revoke temporary on database %I from public', current_database());
    else
        raise warning 'ask_database: % does not own database %, so PUBLIC keeps TEMPORARY on it; run '
            'db/init/ask-db-role.psql as a superuser', current_user, current_database();
    end if;
end
$migration$;
