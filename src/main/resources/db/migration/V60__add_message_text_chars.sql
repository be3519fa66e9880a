-- The number of characters in a message's text parts, kept by the database itself, so that a run's prompt window
-- (Messages.promptWindow) adds up message sizes from this small column instead of reading every message's content.
create function message_text_chars(content jsonb) returns integer
    language sql
    immutable
    parallel safe
as $$
    select case when jsonb_typeof(content) = 'array' then
        (select coalesce(sum(char_length(p -> 'text' ->> 'value')), 0)::integer
         from jsonb_array_elements(content) p
         where p ->> 'type' = 'text')
    else 0 end
$$;

alter table messages add column text_chars integer not null generated always as (message_text_chars(content)) stored;
