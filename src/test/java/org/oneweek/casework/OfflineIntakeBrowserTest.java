package org.oneweek.casework;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary at a village hall with no signal (issue #15): on a 360 px phone, with
 * Chromium's network emulation offline, she records three problems with a photo each,
 * gives out the numbers the phone shows, reloads the page, and comes back online; then
 * exactly three cases exist, each with its photo shrunk on the phone, under the numbers
 * shown offline. The interactions per problem are counted.
 */
@OneweekTest
class OfflineIntakeBrowserTest {

	private static final List<String> PROBLEMS = List.of("河边垃圾点满溢，两车都拉不完", "进城道路坑洼积水", "老石桥栏杆松动");

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Clock clock;

	WebDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void network(boolean offline) {
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	Object script(String async) {
		return ((JavascriptExecutor) browser).executeAsyncScript(async);
	}

	/** A 12-megapixel photo, as a phone's camera takes it. */
	static Path cameraPhoto(int n) throws Exception {
		BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(n);
		int[] row = new int[4000];
		for (int y = 0; y < 3000; y++) {
			for (int x = 0; x < 4000; x++) {
				// patches of colour, as a scene has, with the grain of a camera's sensor
				int base = ((x / 250) * 37 + (y / 250) * 91 + n * 53) % 200;
				int grain = random.nextInt(40);
				int r = Math.min(255, base + grain);
				int g = Math.min(255, (base * 3 / 4) + grain);
				int b = Math.min(255, 255 - base + grain / 2);
				row[x] = (r << 16) | (g << 8) | Math.min(255, b);
			}
			image.setRGB(0, y, 4000, 1, row, 0, 4000);
		}
		Path dir = Files.createDirectories(Path.of("target", "offline-photos"));
		Path file = dir.resolve("camera-" + n + ".jpg");
		ImageIO.write(image, "jpg", file.toFile());
		return file.toAbsolutePath();
	}

	@Test
	void threeProblemsRecordedWithoutSignalBecomeExactlyThreeCasesWithTheirPhotosAndNumbers() throws Exception {
		List<Path> photos = new ArrayList<>();
		for (int i = 0; i < PROBLEMS.size(); i++) {
			photos.add(cameraPhoto(i));
		}
		assertThat(Files.size(photos.get(0))).as("a camera photo").isGreaterThan(1_500_000);
		AccountPrincipal secretary = fixtures.principal("secretary");
		Instant start = clock.instant();

		browser = Browser.phone();
		Browser.logIn(browser, port, "secretary", Browser.DEMO_PASSWORD);
		browser.get(url("/cases/new?lang=zh-CN"));
		// the service worker takes the page, keeps it, and the phone holds reserved
		// numbers
		script("var done = arguments[arguments.length - 1];"
				+ "navigator.serviceWorker.ready.then(function () { done(true); });");
		browser.navigate().refresh();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((d) -> Boolean.TRUE
			.equals(script("var done = arguments[arguments.length - 1]; var r = indexedDB.open('oneweek-outbox', 1);"
					+ "r.onsuccess = function () { var q = r.result.transaction('references').objectStore('references').count();"
					+ "q.onsuccess = function () { done(q.result >= 3 && !!navigator.serviceWorker.controller); }; };"
					+ "r.onerror = function () { done(false); };")));

		network(true);
		assertThat(((JavascriptExecutor) browser).executeScript("return navigator.onLine;")).isEqualTo(false);
		List<String> shown = new ArrayList<>();
		int interactions = 0;
		for (int i = 0; i < PROBLEMS.size(); i++) {
			browser.findElement(By.id("title")).sendKeys(PROBLEMS.get(i));
			interactions++;
			browser.findElements(By.cssSelector("input[name=category]")).get(i).click();
			interactions++;
			browser.findElement(By.id("photo")).sendKeys(photos.get(i).toString());
			interactions++;
			String before = browser.findElement(By.id("offline-reference")).getAttribute("textContent");
			browser.findElement(By.id("save-case")).click();
			interactions++;
			new WebDriverWait(browser, Duration.ofSeconds(20)).until((d) -> {
				WebElement kept = d.findElement(By.id("offline-recorded"));
				String now = d.findElement(By.id("offline-reference")).getText();
				return kept.isDisplayed() && !now.equals(before) && now.startsWith("QX-");
			});
			shown.add(browser.findElement(By.id("offline-reference")).getText());
		}
		Browser.screenshot(browser, "offline-intake-kept-phone");
		assertThat(new HashSet<>(shown)).hasSize(3);
		assertThat(cases.recordedSince(secretary.accountId(), start)).as("nothing reached the server offline")
			.isEmpty();

		browser.navigate().refresh();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until((d) -> d.findElements(By.cssSelector("#outbox-list li[data-state=waiting]")).size() == 3);
		assertThat(browser.findElement(By.id("outbox-list")).getText()).contains(shown.get(0), shown.get(2), "等待发送");
		Object width = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
		assertThat(((Number) width).intValue()).as("page width on a 360 px phone").isLessThanOrEqualTo(360);

		network(false);
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until((d) -> d.findElements(By.cssSelector("#outbox-list li[data-state=sent]")).size() == 3);
		Browser.screenshot(browser, "offline-intake-sent-phone");

		List<Case> recorded = cases.recordedSince(secretary.accountId(), start);
		assertThat(recorded).hasSize(3);
		Set<String> references = new HashSet<>();
		for (Case c : recorded) {
			references.add(c.reference());
			List<CasePhoto> kept = cases.photos(c.id());
			assertThat(kept).as("the photo of " + c.reference()).hasSize(1);
			byte[] content = cases.photoContent(c.id(), kept.get(0).id(), true).orElseThrow();
			assertThat(content.length).as("a photo shrunk on the phone").isLessThan(800_000);
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
			assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(1600);
		}
		assertThat(references).containsExactlyInAnyOrderElementsOf(shown);
		assertThat(recorded).extracting(Case::title).containsExactlyInAnyOrderElementsOf(PROBLEMS);
		// the figure in docs/BENCHMARKS.md
		System.out.println("offline intake: " + interactions + " interactions for " + PROBLEMS.size() + " problems");
		assertThat(interactions).isLessThanOrEqualTo(6 * PROBLEMS.size());
	}

	@Test
	void aMorningMeetingSavedWithoutSignalIsSentOnceWhenItReturns() throws Exception {
		String place = "村委会会议室" + System.nanoTime();
		browser = Browser.phone();
		Browser.logIn(browser, port, "secretary", Browser.DEMO_PASSWORD);
		browser.get(url("/diary/meetings/new?lang=zh-CN"));
		script("var done = arguments[arguments.length - 1];"
				+ "navigator.serviceWorker.ready.then(function () { done(true); });");
		browser.navigate().refresh();
		network(true);
		WebElement field = browser.findElement(By.id("place"));
		field.clear();
		field.sendKeys(place);
		browser.findElement(By.id("save-meeting")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until((d) -> d.findElement(By.id("offline-kept")).isDisplayed()
					&& d.findElements(By.cssSelector("#outbox-list li[data-state=waiting]")).size() == 1);
		assertThat(meetingsAt(place)).isZero();
		network(false);
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until((d) -> d.findElements(By.cssSelector("#outbox-list li[data-state=sent]")).size() == 1);
		assertThat(meetingsAt(place)).isEqualTo(1);
		// sent with the key made on the phone, not the page's: sent again, it would be
		// recorded once (SubmittedTwiceTest)
		String pageKey = browser.findElement(By.name("idempotencyKey")).getDomProperty("value");
		assertThat(jdbc.sql("select idempotency_key from morning_meeting where place = ?")
			.param(place)
			.query(String.class)
			.single()).isNotBlank().isNotEqualTo(pageKey);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	long meetingsAt(String place) {
		return jdbc.sql("select count(*) from morning_meeting where place = ?").param(place).query(Long.class).single();
	}

}
