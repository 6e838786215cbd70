#!/usr/bin/env bash
# A database and an owner per service, and one for Keycloak (docker-compose.yml runs this once, on an
# empty data volume). Each role's password comes from the environment (<NAME>_DB_PASSWORD); compose
# refuses to start without them. The local launcher does the same on its embedded server.
set -euo pipefail
for name in catalog routine progress engagement keycloak; do
  variable="${name^^}_DB_PASSWORD"
  password="${!variable:?set $variable}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
create role :"name" login password :'password';
create database :"name" owner :"name";
SQL
done
