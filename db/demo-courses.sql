-- A plausible course schedule for one tenant, around the current week (two evening sessions a week).
-- Usage: psql "$DATABASE_URL" -v tenant=tenant_XXXX -f db/demo-courses.sql
-- Row-level security: run it as the table owner or a superuser; it sets app.tenant_id for the policy itself.
begin;
select set_config('app.tenant_id', :'tenant', true);
insert into courses (tenant_id, course_date, start_time, end_time, course_name, instructor)
select :'tenant',
       date_trunc('week', current_date)::date + (w * 7 + d),
       time '20:00', time '22:00',
       (array['大模型应用开发基础', 'Prompt Engineering', 'Function Calling', 'RAG 与 Embeddings',
              'Assistants API', 'LangChain', 'Fine-tuning', 'Agent 架构'])[1 + ((w + 4) * 2 + d / 2) % 8],
       (array['王卓然', '孙志岗'])[1 + d / 2]
from generate_series(-4, 7) as w, unnest(array[1, 3]) as d;
commit;
