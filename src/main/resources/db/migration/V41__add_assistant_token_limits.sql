-- An assistant's own token budgets (an extension): the defaults of its runs, and the most an end user's token may
-- ask for in max_prompt_tokens / max_completion_tokens.
alter table assistants add column max_prompt_tokens integer, add column max_completion_tokens integer;
