package com.threadline.chat.tool.sql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A result set as the compact JSON the model reads:
 * {@code {"columns":[…],"rows":[[…]],"row_count":n,"truncated":bool}}. Stops at the row
 * cap and at the byte cap (whole rows only; a single long value is shortened), and says
 * {@code truncated} when it did.
 */
final class ResultJson {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final int maxRows;

	private final int maxBytes;

	ResultJson(int maxRows, int maxBytes) {
		this.maxRows = maxRows;
		this.maxBytes = maxBytes;
	}

	String write(ResultSet result) throws SQLException {
		ResultSetMetaData meta = result.getMetaData();
		ArrayNode columns = NODES.arrayNode();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			columns.add(meta.getColumnLabel(i));
		}
		ArrayNode rows = NODES.arrayNode();
		int budget = this.maxBytes - size(envelope(columns, NODES.arrayNode(), true));
		if (budget <= 0) {
			throw new QueryRefused("the query selects too many columns; select fewer");
		}
		boolean truncated = false;
		while (result.next()) {
			ArrayNode row = row(result, meta);
			int rowSize = size(row) + 1;
			if (rows.size() == this.maxRows || rowSize > budget) {
				truncated = true;
				break;
			}
			rows.add(row);
			budget -= rowSize;
		}
		return JSON.writeValueAsString(envelope(columns, rows, truncated));
	}

	private ArrayNode row(ResultSet result, ResultSetMetaData meta) throws SQLException {
		ArrayNode row = NODES.arrayNode();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			row.add(value(result, i, meta.getColumnType(i)));
		}
		return row;
	}

	private JsonNode value(ResultSet result, int column, int type) throws SQLException {
		Object value = result.getObject(column);
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof Boolean bool) {
			return NODES.booleanNode(bool);
		}
		if (isNumber(type) && value instanceof Number) {
			String text = result.getString(column);
			try {
				return NODES.numberNode(new BigDecimal(text));
			}
			catch (NumberFormatException ex) {
				return NODES.stringNode(text); // NaN, Infinity
			}
		}
		return NODES.stringNode(shortened(result.getString(column)));
	}

	/** A single value may take at most a quarter of the byte cap. */
	private String shortened(String text) {
		int limit = this.maxBytes / 4;
		if (text.length() <= limit / 3 || text.getBytes(StandardCharsets.UTF_8).length <= limit) {
			return text;
		}
		int end = Math.min(text.length(), limit / 3);
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	private static boolean isNumber(int type) {
		return switch (type) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
					Types.FLOAT, Types.DOUBLE ->
				true;
			default -> false;
		};
	}

	private static ObjectNode envelope(ArrayNode columns, ArrayNode rows, boolean truncated) {
		ObjectNode envelope = NODES.objectNode();
		envelope.set("columns", columns);
		envelope.set("rows", rows);
		envelope.put("row_count", rows.size());
		envelope.put("truncated", truncated);
		return envelope;
	}

	private static int size(JsonNode node) {
		return JSON.writeValueAsBytes(node).length;
	}

}
