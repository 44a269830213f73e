package org.oneweek.transparency.web;

import java.net.URI;
import java.util.Base64;
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
		TransparencyLog.Inclusion proof = log.inclusion(number("index", index), number("size", size));
		return Map.of("index", proof.index(), "size", proof.size(), "root", b64(proof.root()), "leafHash",
				b64(Merkle.leafHash(proof.entry())), "entry", b64(proof.entry()), "proof",
				proof.proof().stream().map(TransparencyApiController::b64).toList());
	}

	/** The consistency proof from the tree of size first to the tree of size second. */
	@GetMapping(path = "/api/v1/transparency/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> consistency(@RequestParam(required = false) @Nullable String first,
			@RequestParam(required = false) @Nullable String second) {
		TransparencyLog.Consistency proof = log.consistency(number("first", first), number("second", second));
		return Map.of("first", proof.first(), "second", proof.second(), "firstRoot", b64(proof.firstRoot()),
				"secondRoot", b64(proof.secondRoot()), "proof",
				proof.proof().stream().map(TransparencyApiController::b64).toList());
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
