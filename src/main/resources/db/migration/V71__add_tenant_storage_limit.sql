-- The operator's per-tenant override of the file storage quota (chat.files.storage-per-tenant).
alter table tenant_limits add column storage_bytes bigint check (storage_bytes > 0);
