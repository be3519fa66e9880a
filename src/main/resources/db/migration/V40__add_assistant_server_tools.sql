-- Server-side tools are opt-in per assistant: the names of the server's tools (ask_database, ...) whose functions
-- this assistant's runs execute on the server. A function the assistant merely declares under such a name, without
-- the name listed here, is an ordinary client-side function. A run keeps the list its assistant had when it started.
alter table assistants add column server_tools text[] not null default '{}';
alter table runs add column server_tools text[] not null default '{}';
