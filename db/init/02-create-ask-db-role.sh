#!/usr/bin/env bash
# Creates ask_database's login role and does the hardening only a superuser can do, in the threadline database
# (ask-db-role.psql, docs/ask-database.md). Run once by a superuser after 01-create-app-role.sh (the postgres image
# runs files in /docker-entrypoint-initdb.d on first start); the app's migrations grant the rest when it first starts.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname threadline \
  --set=ask_db_password="${THREADLINE_ASK_DB_PASSWORD:?THREADLINE_ASK_DB_PASSWORD must be set}" \
  --set=app_role=threadline \
  --file="$(dirname "${BASH_SOURCE[0]}")/ask-db-role.psql"
