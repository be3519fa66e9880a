#!/usr/bin/env bash
# Creates the application's login role and database. Run once by a superuser (the postgres image runs files in
# /docker-entrypoint-initdb.d on first start). The role is deliberately not a superuser and has no BYPASSRLS: it owns
# the tables Flyway creates, and FORCE ROW LEVEL SECURITY makes the tenant policies apply to it as well.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" \
  --set=app_password="${THREADLINE_DB_PASSWORD:?THREADLINE_DB_PASSWORD must be set}" <<'SQL'
select format('create role threadline login password %L nosuperuser nobypassrls nocreatedb nocreaterole',
              :'app_password')
where not exists (select from pg_roles where rolname = 'threadline') \gexec
select 'create database threadline owner threadline'
where not exists (select from pg_database where datname = 'threadline') \gexec
SQL
