-- A tenant's tokens of a day in up to 16 rows (shards) rather than one: every run that ends adds its tokens, and
-- with one row the ends of a tenant's concurrent runs queued behind that row's lock until each commit. A run adds to
-- a shard of its own choosing; the day's tokens are the shards' sum.
alter table token_usage_days add column shard smallint not null default 0;
alter table token_usage_days drop constraint token_usage_days_pkey;
alter table token_usage_days add primary key (tenant_id, day, shard);
alter table token_usage_days add constraint token_usage_days_shard_check check (shard between 0 and 15);
