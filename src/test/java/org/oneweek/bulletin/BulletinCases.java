package org.oneweek.bulletin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.web.CaseForms.AssignForm;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.casework.web.CaseForms.NoteForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Ids;
import org.springframework.stereotype.Component;

/**
 * Cases in the demo's 东江村 this week, recorded by its team lead 陈国华, with private details
 * planted so that tests can search every public response for them.
 */
@Component
class BulletinCases {

	private final CaseIntake intake;

	private final CaseActions actions;

	private final CaseFixtures fixtures;

	private final Clock clock;

	BulletinCases(CaseIntake intake, CaseActions actions, CaseFixtures fixtures, Clock clock) {
		this.intake = intake;
		this.actions = actions;
		this.fixtures = fixtures;
		this.clock = clock;
	}

	/** A case and the private things about it that must never be public. */
	record Planted(String reference, String publicTitle, String privateTitle, String reporterName, String reporterPhone,
			String household, String internalNote, String description) {

	}

	AccountPrincipal secretary() {
		return fixtures.principal("secretary");
	}

	Planted record(String topic, boolean consent) {
		String mark = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
		String reporterName = "隐名" + mark;
		String phone = "13" + (100000000L + ThreadLocalRandom.current().nextLong(899999999L));
		IntakeForm form = CaseFixtures.intake(fixtures.villageId("DJ"), topic + "（内部标题" + mark + "）");
		form.setCategory("SANITATION");
		form.setPublicTitle(topic + " " + mark);
		form.setDescription("私下说明" + mark);
		form.setLocation("李家门口" + mark);
		form.setReporterName(reporterName);
		form.setReporterPhone(phone);
		form.setReporterHousehold("三组" + mark + "号");
		form.setReporterConsent(consent);
		Instant now = clock.instant();
		String reference = intake.record(form.toCommand(), secretary(), now).reference();
		String internal = "内部记录" + mark;
		NoteForm note = new NoteForm();
		note.setText(internal);
		note.setPublicNote(false);
		actions.note(reference, note.toNote(), secretary(), now);
		return new Planted(reference, topic + " " + mark, topic + "（内部标题" + mark + "）", reporterName, phone,
				"三组" + mark + "号", internal, "私下说明" + mark);
	}

	void publicNote(String reference, String text, Integer progress) {
		NoteForm note = new NoteForm();
		note.setText(text);
		note.setPublicNote(true);
		note.setProgress(progress);
		actions.note(reference, note.toNote(), secretary(), clock.instant());
	}

	void resolve(String reference, String result) {
		AccountPrincipal me = secretary();
		AssignForm assign = new AssignForm();
		assign.setKind(AssigneeKind.SECRETARY);
		assign.setMemberId(Ids.value(me.memberId()));
		Instant now = clock.instant();
		actions.assign(reference, assign.toCommand(), me, now);
		actions.start(reference, null, me, now);
		NoteForm done = new NoteForm();
		done.setText(result);
		actions.resolve(reference, done.toResolution(), me, now);
	}

	/** A real JPEG with an EXIF segment that carries the marker text. */
	static byte[] jpegWithExif(String marker) throws Exception {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", plain);
		byte[] jpeg = plain.toByteArray();
		byte[] payload = ("Exif\0\0GPS 32.1N 118.9E " + marker).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}
