package com.threadline.chat.file;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.tenant.Caller;
import com.threadline.chat.tenant.context.Blocking;

/** {@code /v1/files}: OpenAI's Files API. */
@RestController
@RequestMapping("/v1/files")
class FileController {

	/** How many buffers of an upload may wait between the parser and the storage. */
	private static final int UPLOAD_DEMAND = 8;

	private static final int DOWNLOAD_BUFFER = 64 * 1024;

	private final FileService files;

	private final FileCatalog catalog;

	private final FileProperties properties;

	private final Blocking blocking;

	FileController(FileService files, FileCatalog catalog, FileProperties properties, Blocking blocking) {
		this.files = files;
		this.catalog = catalog;
		this.properties = properties;
		this.blocking = blocking;
	}

	record Deleted(String id, String object, boolean deleted) {
	}

	@PostMapping
	Mono<FileView> upload(Caller caller, ServerWebExchange exchange) {
		return exchange.getMultipartData().onErrorMap(this::refusal).flatMap(parts -> {
			if (!(parts.getFirst("file") instanceof FilePart file)) {
				return Mono.error(ApiException.invalid("file", "Missing required parameter: 'file'."));
			}
			String purpose = field(parts, "purpose");
			InputStream content = DataBufferUtils.subscriberInputStream(file.content(), UPLOAD_DEMAND);
			return this.blocking.call(() -> {
				try (content) {
					return this.files.upload(caller, (purpose != null) ? purpose : "", file.filename(), content);
				}
			});
		});
	}

	@GetMapping
	Mono<ListPage<FileView>> list(Caller caller, @RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String after) {
		ListQuery query = ListQuery.of(limit, order, after, null, 10_000, 10_000);
		return this.blocking.call(() -> this.catalog.list(caller, purpose, query));
	}

	@GetMapping("/{fileId}")
	Mono<FileView> get(Caller caller, @PathVariable String fileId) {
		return this.blocking.call(() -> this.files.get(caller, fileId));
	}

	@GetMapping("/{fileId}/content")
	Mono<ResponseEntity<Flux<DataBuffer>>> content(Caller caller, @PathVariable String fileId,
			ServerWebExchange exchange) {
		return this.blocking.call(() -> this.catalog.content(caller, fileId))
			.map(content -> download(content, exchange));
	}

	@DeleteMapping("/{fileId}")
	Mono<Deleted> delete(Caller caller, @PathVariable String fileId) {
		return this.blocking.call(() -> {
			this.catalog.delete(caller, fileId);
			return new Deleted(fileId, "file", true);
		});
	}

	ResponseEntity<Flux<DataBuffer>> download(FileCatalog.Content content, ServerWebExchange exchange) {
		FileView file = content.file();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(file.mediaType()));
		headers.setContentLength(file.bytes());
		headers.set(HttpHeaders.CONTENT_DISPOSITION, attachment(file.filename()));
		headers.set("X-Content-Type-Options", "nosniff");
		Flux<DataBuffer> body = this.blocking.read(content.bytes(), exchange.getResponse().bufferFactory(),
				DOWNLOAD_BUFFER);
		return ResponseEntity.ok().headers(headers).body(body);
	}

	/**
	 * {@code attachment; filename*=UTF-8''...} (RFC 6266, RFC 8187): every byte but RFC
	 * 8187's attr-chars percent-encoded, so no name can break out of the header.
	 */
	static String attachment(String filename) {
		StringBuilder value = new StringBuilder("attachment; filename*=UTF-8''");
		for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				value.append(c);
			}
			else {
				value.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
			}
		}
		return value.toString();
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static @Nullable String field(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart field) ? field.value() : null;
	}

	private Throwable refusal(Throwable ex) {
		if (ex instanceof DataBufferLimitException limit && !String.valueOf(limit.getMessage()).contains("header")) {
			return FileErrors.tooLarge(this.properties.maxBytes().toBytes());
		}
		if (ex instanceof DataBufferLimitException || ex instanceof DecodingException) {
			return ApiException.invalid("file", "Invalid multipart body: %s".formatted(ex.getMessage()));
		}
		return ex;
	}

}
