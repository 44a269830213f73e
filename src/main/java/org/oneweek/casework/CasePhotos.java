package org.oneweek.casework;

import java.time.Instant;

import org.oneweek.casework.internal.CaseFile;
import org.oneweek.casework.internal.CaseStore;
import org.oneweek.casework.internal.PhotoSanitizer;
import org.oneweek.people.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a case, before and after. The content decides the type (JPEG or PNG), not the
 * file name; the public copy carries no EXIF metadata (no location).
 */
@Service
public class CasePhotos {

	private final CaseChanges changes;

	private final CaseStore store;

	CasePhotos(CaseChanges changes, CaseStore store) {
		this.changes = changes;
		this.store = store;
	}

	/**
	 * Adds a photo to a case the person works on.
	 * @return the photo's id
	 * @throws CaseRuleException when the content is not a JPEG or PNG photo
	 */
	@Transactional
	public PhotoId add(String reference, CasePhoto.Phase phase, byte[] content, AccountPrincipal me, Instant now) {
		PhotoSanitizer.Clean clean = PhotoSanitizer.clean(content);
		CaseFile file = changes.open(reference, me, now, CaseAccess.Operation.PHOTO).file();
		PhotoId photoId = store.insertPhoto(file.id(), phase.name(), clean.contentType(), content, clean.publicCopy(),
				me.accountId(), now);
		file.photoAdded(photoId, phase, Actor.of(me), now);
		store.save(file);
		return photoId;
	}

	/** Adds the photo of the intake form to the case recorded in the same request. */
	@Transactional
	public PhotoId addAtIntake(CaseId caseId, byte[] content, AccountPrincipal me, Instant now) {
		String reference = store.lock(caseId).reference();
		return add(reference, CasePhoto.Phase.INTAKE, content, me, now);
	}

}
