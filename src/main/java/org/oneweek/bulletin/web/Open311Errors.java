package org.oneweek.bulletin.web;

import org.oneweek.bulletin.internal.Open311Documents;
import org.oneweek.platform.web.ErrorFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Open311's clients read the spec's error document whatever went wrong, even when it went
 * wrong before the controller (a NUL in a parameter, a request too large, an unknown path
 * under {@code /open311}).
 */
@Component
class Open311Errors implements ErrorFormat {

	@Override
	public boolean claims(String path) {
		return path.startsWith("/open311/");
	}

	@Override
	public ResponseEntity<?> answer(String path, HttpStatus status, String detail) {
		return Open311Controller.error(path.endsWith(".json"), status, detail);
	}

}
