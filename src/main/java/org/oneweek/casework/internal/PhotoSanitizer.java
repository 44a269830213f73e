package org.oneweek.casework.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.oneweek.casework.CaseRuleException;

/**
 * Checks that an upload is a JPEG or PNG photo by its content (not its name), and makes
 * the public copy: the same image without the metadata that can say where and when it was
 * taken (EXIF with GPS, XMP, IPTC, comments, text chunks). The pixels are copied byte for
 * byte, so nothing is re-compressed.
 */
public final class PhotoSanitizer {

	public static final int MAX_BYTES = 8 * 1024 * 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** PNG chunks that carry metadata rather than the image. */
	private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

	private PhotoSanitizer() {
	}

	/** The checked photo's type and its public copy. */
	public record Clean(String contentType, byte[] publicCopy) {

	}

	/**
	 * @throws CaseRuleException when the upload is empty, too large, or not a JPEG or PNG
	 * image
	 */
	public static Clean clean(byte[] content) {
		if (content.length == 0) {
			throw new CaseRuleException("case.photo.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new CaseRuleException("case.photo.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		try {
			if (isJpeg(content)) {
				return new Clean("image/jpeg", stripJpeg(content));
			}
			if (isPng(content)) {
				return new Clean("image/png", stripPng(content));
			}
		}
		catch (IndexOutOfBoundsException | IllegalArgumentException ex) {
			throw new CaseRuleException("case.photo.type");
		}
		throw new CaseRuleException("case.photo.type");
	}

	static boolean isJpeg(byte[] b) {
		return b.length > 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
	}

	static boolean isPng(byte[] b) {
		if (b.length < PNG_SIGNATURE.length + 12) {
			return false;
		}
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (b[i] != PNG_SIGNATURE[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Copies the JPEG's segments up to the image data, leaving out APP1 (EXIF, XMP),
	 * APP13 (IPTC) and comments; the entropy-coded data after SOS is copied unchanged.
	 */
	static byte[] stripJpeg(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(0xD8);
		int i = 2;
		while (i < in.length) {
			if ((in[i] & 0xFF) != 0xFF) {
				throw new IllegalArgumentException("not a marker");
			}
			int marker = in[i + 1] & 0xFF;
			if (marker == 0xFF) {
				// fill byte
				i++;
				continue;
			}
			if (marker == 0xD9) {
				out.write(in, i, 2);
				return out.toByteArray();
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(in, i, 2);
				i += 2;
				continue;
			}
			int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
			if (length < 2 || i + 2 + length > in.length) {
				throw new IllegalArgumentException("bad segment length");
			}
			if (marker == 0xDA) {
				// start of scan: the rest is image data
				out.write(in, i, in.length - i);
				return out.toByteArray();
			}
			boolean metadata = marker == 0xE1 || marker == 0xED || marker == 0xFE;
			if (!metadata) {
				out.write(in, i, 2 + length);
			}
			i += 2 + length;
		}
		throw new IllegalArgumentException("no image data");
	}

	/** Copies the PNG's chunks, leaving out text, time and EXIF chunks. */
	static byte[] stripPng(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, PNG_SIGNATURE.length);
		int i = PNG_SIGNATURE.length;
		boolean sawImage = false;
		while (i + 12 <= in.length) {
			long length = ((long) (in[i] & 0xFF) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8)
					| (in[i + 3] & 0xFF);
			if (length > in.length - i - 12) {
				throw new IllegalArgumentException("bad chunk length");
			}
			String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
			int total = 12 + (int) length;
			if (!PNG_METADATA.contains(type)) {
				out.write(in, i, total);
			}
			sawImage |= "IDAT".equals(type);
			i += total;
			if ("IEND".equals(type)) {
				break;
			}
		}
		if (!sawImage) {
			throw new IllegalArgumentException("no image data");
		}
		return out.toByteArray();
	}

}
