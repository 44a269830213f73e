package org.oneweek.bulletin.internal;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 documents, written once as ordered maps and lists and rendered as
 * the spec's XML or as JSON: a map is an element with children in order, {@link Items} is
 * a list whose XML elements carry the item name, null is an empty element (XML) or null
 * (JSON).
 */
public final class Open311Documents {

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Open311Documents() {
	}

	/** An answer: its XML root element's name and its content. */
	public record Document(String root, Object content) {

	}

	/** A list; in XML each item is an element named {@code itemName}. */
	public record Items(String itemName, List<?> items) {

		public Items {
			items = List.copyOf(items);
		}

	}

	/** An ordered map from pairs (key, value, key, value…); values may be null. */
	public static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	public static String xml(String root, Object value) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter writer = XML.createXMLStreamWriter(out);
			writer.writeStartDocument("utf-8", "1.0");
			writeElement(writer, root, value);
			writer.writeEndDocument();
			writer.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String json(Object value, JsonMapper mapper) {
		return mapper.writeValueAsString(plain(value));
	}

	private static void writeElement(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
		if (value == null) {
			writer.writeEmptyElement(name);
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				writeElement(writer, (String) entry.getKey(), entry.getValue());
			}
		}
		else if (value instanceof Items items) {
			for (Object item : items.items()) {
				writeElement(writer, items.itemName(), item);
			}
		}
		else {
			writer.writeCharacters(clean(String.valueOf(value)));
		}
		writer.writeEndElement();
	}

	/** Characters XML 1.0 cannot carry are dropped. */
	private static String clean(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints()
			.filter((c) -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
			.forEach(out::appendCodePoint);
		return out.toString();
	}

	private static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put((String) k, (v != null) ? plain(v) : null));
			return out;
		}
		if (value instanceof Items items) {
			List<Object> out = new ArrayList<>();
			items.items().forEach((item) -> out.add((item != null) ? plain(item) : null));
			return out;
		}
		return value;
	}

}
