-- A database and an owner per service, and one for Keycloak (docker-compose.yml runs this once, on an
-- empty data volume). The local launcher does the same on its embedded server.
create role catalog login password 'catalog';
create database catalog owner catalog;
create role routine login password 'routine';
create database routine owner routine;
create role progress login password 'progress';
create database progress owner progress;
create role keycloak login password 'keycloak';
create database keycloak owner keycloak;
