-- V32 (a Java migration, tenant.PlainSecretMigration) has moved every tenant's plain-text token secret into an
-- encrypted signing key; nothing reads the plain column any more.
alter table tenants drop column token_secret;
