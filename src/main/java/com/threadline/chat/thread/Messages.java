package com.threadline.chat.thread;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Messages extends JpaRepository<Message, String> {

	Optional<Message> findByTenantIdAndThreadIdAndId(String tenantId, String threadId, String id);

	/** A run's reply in {@code status} (a run writes one reply at a time). */
	Optional<Message> findByTenantIdAndThreadIdAndRunIdAndStatus(String tenantId, String threadId, String runId,
			String status);

	/** Sets the content of a reply still {@code in_progress}. */
	@Modifying(flushAutomatically = true)
	@Query("update Message m set m.content = :content where m.tenantId = :tenantId and m.id = :id and m.status = 'in_progress'")
	int saveReply(String tenantId, String id, JsonNode content);

	/**
	 * The run's own messages, and the thread's newest other messages with text (or, from
	 * a user, images) that fit {@code budget} tokens (counted as a prompt counts them: a
	 * token per four characters of text, a fixed estimate per image by its detail, plus
	 * four per message; the newest always), among the newest {@code reach} such; oldest
	 * first. The database adds up the sizes from {@code text_chars} (V60) and the image
	 * parts' types, so the rest never leaves it.
	 */
	@Query(nativeQuery = true, value = """
			with newest as (
			    select m.id, m.seq, m.text_chars, (
			        select coalesce(sum(case when coalesce(p -> 'image_url' ->> 'detail',
			            p -> 'image_file' ->> 'detail') = 'low' then 85 else 765 end), 0)
			        from jsonb_array_elements(m.content) p
			        where m.role = 'user' and p ->> 'type' in ('image_url', 'image_file')) as image_tokens
			    from messages m
			    where m.tenant_id = :tenantId and m.thread_id = :threadId
			        and m.run_id is distinct from :runId
			        and (m.text_chars > 0 or (m.role = 'user'
			            and (m.content @> '[{"type": "image_url"}]' or m.content @> '[{"type": "image_file"}]')))
			    order by m.seq desc
			    limit :reach),
			sized as (
			    select id, row_number() over running as n, sum(text_chars) over running as chars,
			        sum(image_tokens) over running as images
			    from newest
			    window running as (order by seq desc rows between unbounded preceding and current row))
			select m.* from messages m
			where m.tenant_id = :tenantId and m.thread_id = :threadId
			    and (m.run_id = :runId or m.id in (select id from sized
			        where n = 1 or floor(chars / 4) + images + 4 * n <= :budget))
			order by m.seq""")
	List<Message> promptWindow(String tenantId, String threadId, String runId, long budget, long reach);

	@Query("""
			select m from Message m where m.tenantId = :tenantId and m.threadId = :threadId
			and (:runId is null or m.runId = :runId) and m.seq > :lo and m.seq < :hi""")
	List<Message> page(String tenantId, String threadId, @Nullable String runId, long lo, long hi, Sort sort,
			Limit limit);

	/**
	 * The file ids attached to a thread's messages for a tool ({@code tools} holding
	 * {@code [{"type": tool}]} as JSON), oldest first.
	 */
	@Query(nativeQuery = true, value = """
			select a ->> 'file_id' from messages m
			cross join lateral jsonb_array_elements(m.attachments) a
			where m.tenant_id = :tenantId and m.thread_id = :threadId
			    and jsonb_typeof(a -> 'file_id') = 'string' and a -> 'tools' @> cast(:tools as jsonb)
			order by m.seq""")
	List<String> attachedFileIds(String tenantId, String threadId, String tools);

}
