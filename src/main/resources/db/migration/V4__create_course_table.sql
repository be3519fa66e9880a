-- The seed's Courses table, per tenant: what ask_database answers schedule questions from.
create table courses (
    id          bigint generated always as identity primary key,
    tenant_id   text         not null references tenants (id) on delete cascade,
    course_date date         not null,
    start_time  time         not null,
    end_time    time         not null,
    course_name varchar(255) not null,
    instructor  varchar(255) not null,
    created_at  timestamptz  not null default now()
);

create index courses_tenant_date_idx on courses (tenant_id, course_date, start_time);

alter table courses enable row level security;
alter table courses force row level security;
create policy tenant_isolation on courses
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
