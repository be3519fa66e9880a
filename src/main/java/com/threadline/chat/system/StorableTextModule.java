package com.threadline.chat.system;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Checks every string of a request body as it is read, wherever it lands: string fields,
 * map keys and values ({@code metadata}), and every key and string inside free-form JSON
 * ({@code content}, {@code tools}, {@code output}, a course). One place instead of a
 * check in each service, so no new field can forget it.
 */
class StorableTextModule extends SimpleModule {

	StorableTextModule() {
		super("storable-text");
		addDeserializer(String.class, new Strings());
		addKeyDeserializer(String.class, new Keys());
		addDeserializer(JsonNode.class, new Nodes());
	}

	private static RefusedText refused(JsonParser parser, String problem) {
		return new RefusedText(parser, problem);
	}

	/** Strings as Jackson reads them (with the mapper's coercion rules), then checked. */
	static final class Strings extends StdDeserializer<String> {

		Strings() {
			super(String.class);
		}

		@Override
		public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = StringDeserializer.instance.deserialize(p, ctxt);
			String problem = (value != null) ? StorableText.problem(value) : null;
			if (problem != null) {
				throw refused(p, problem);
			}
			return value;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public boolean isCachable() {
			return true;
		}

	}

	/** Map keys, such as those of {@code metadata}. */
	static final class Keys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			String problem = StorableText.problem(key);
			if (problem != null) {
				throw refused(ctxt.getParser(), "a key " + problem.substring("it ".length()));
			}
			return key;
		}

	}

	/**
	 * Free-form JSON, read as Jackson does, then walked; a refusal carries the path
	 * inside the tree.
	 */
	static final class Nodes extends StdDeserializer<JsonNode> {

		private static final ValueDeserializer<?> TREES = JsonNodeDeserializer.getDeserializer(JsonNode.class);

		Nodes() {
			super(JsonNode.class);
		}

		@Override
		public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) {
			JsonNode node = (JsonNode) TREES.deserialize(p, ctxt);
			check(node, p);
			return node;
		}

		// As Jackson's own: JSON null is a NullNode, an absent property is null.
		@Override
		public JsonNode getNullValue(DeserializationContext ctxt) {
			return NullNode.getInstance();
		}

		@Override
		public @Nullable Object getAbsentValue(DeserializationContext ctxt) {
			return null;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Untyped;
		}

		private static void check(JsonNode node, JsonParser p) {
			if (node.isString()) {
				String problem = StorableText.problem(node.asString());
				if (problem != null) {
					throw refused(p, problem);
				}
			}
			else if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					try {
						check(node.get(i), p);
					}
					catch (RefusedText ex) {
						throw (RefusedText) ex.prependPath(node, i);
					}
				}
			}
			else if (node.isObject()) {
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					checkProperty(node, property.getKey(), property.getValue(), p);
				}
			}
		}

		private static void checkProperty(JsonNode object, String name, JsonNode value, JsonParser p) {
			String problem = StorableText.problem(name);
			if (problem != null) {
				throw refused(p, "a key " + problem.substring("it ".length()));
			}
			try {
				check(value, p);
			}
			catch (RefusedText ex) {
				throw (RefusedText) ex.prependPath(object, name);
			}
		}

	}

}
