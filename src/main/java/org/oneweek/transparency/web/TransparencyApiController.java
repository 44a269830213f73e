package org.oneweek.transparency.web;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.transparency.LogInputException;
import org.oneweek.transparency.Merkle;
import org.oneweek.transparency.TransparencyLog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proofs as JSON for people and pages (a tlog-tiles client computes them from the tiles
 * itself): base64 hashes, as RFC 6962 makes them. Open to everyone, like the tiles.
 */
@RestController
class TransparencyApiController {

	private final TransparencyLog log;

	private final MessageSource messages;

	TransparencyApiController(TransparencyLog log, MessageSource messages) {
		this.log = log;
		this.messages = messages;
	}

	/** The inclusion proof of leaf index in the tree of the given size. */
	@GetMapping(path = "/api/v1/transparency/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> inclusion(@RequestParam(required = false) @Nullable String index,
			@RequestParam(required = false) @Nullable String size) {
		long i = number("index", index);
		long s = number("size", size);
		List<byte[]> proof = log.inclusionProof(i, s);
		byte[] entry = log.entry(i).orElseThrow();
		return Map.of("index", i, "size", s, "root", b64(log.root(s)), "leafHash", b64(Merkle.leafHash(entry)), "entry",
				b64(entry), "proof", proof.stream().map(TransparencyApiController::b64).toList());
	}

	/** The consistency proof from the tree of size first to the tree of size second. */
	@GetMapping(path = "/api/v1/transparency/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> consistency(@RequestParam(required = false) @Nullable String first,
			@RequestParam(required = false) @Nullable String second) {
		long m = number("first", first);
		long n = number("second", second);
		List<byte[]> proof = log.consistencyProof(m, n);
		return Map.of("first", m, "second", n, "firstRoot", b64(log.root(m)), "secondRoot", b64(log.root(n)), "proof",
				proof.stream().map(TransparencyApiController::b64).toList());
	}

	private static long number(String name, @Nullable String value) {
		if (value == null || !value.strip().matches("[0-9]{1,18}")) {
			throw new LogInputException(400, "transparency.error.number", name);
		}
		return Long.parseLong(value.strip());
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	@ExceptionHandler(LogInputException.class)
	ResponseEntity<ProblemDetail> refused(LogInputException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()),
				messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
