package org.oneweek.bulletin;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.bulletin.BulletinCases.Planted;
import org.oneweek.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A villager on a 360 px phone opens the board from its QR code, finds the case by its
 * number and taps "still not fixed"; the committee clerk sees it in her queue. The A4
 * poster prints from Chromium with QR codes that open the board and the cases.
 */
@OneweekTest
class BulletinBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	BulletinCases bulletinCases;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.phone();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void aVillagerSaysStillNotFixedAndTheCommitteeSeesIt() throws Exception {
		Planted planted = bulletinCases.record("河边垃圾点满溢", false);
		bulletinCases.resolve(planted.reference(), "已清运");

		browser.get(url("/board/DJ?lang=zh-CN"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> {
			d.navigate().refresh();
			return d.getPageSource().contains(planted.reference()) || d.getPageSource().contains("本周");
		});
		assertThat(browser.findElement(By.id("board-title")).getText()).isEqualTo("东江村公示栏");
		assertThat(browser.findElement(By.id("team")).getText()).contains("陈国华", "赵建军", "孙丽娟", "周文斌");
		assertFitsThePhone();
		Browser.screenshot(browser, "bulletin-board-phone");

		browser.findElement(By.id("ref")).sendKeys(planted.reference().toLowerCase());
		browser.findElement(By.id("lookup")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/c/"));
		assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(planted.reference());
		assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已办结");
		assertFitsThePhone();
		Browser.screenshot(browser, "bulletin-case-phone");

		browser.findElement(By.id("not-fixed")).click();
		browser.findElement(By.id("text")).sendKeys("周四去看还是满的，味道很大");
		browser.findElement(By.id("phone")).sendKeys("13911112222");
		assertFitsThePhone();
		browser.findElement(By.id("follow-up-submit")).click();
		assertThat(browser.findElement(By.id("sent")).getText()).isEqualTo("已收到，谢谢您");
		assertThat(browser.findElement(By.id("review")).isDisplayed()).isTrue();
		Browser.screenshot(browser, "bulletin-follow-up-sent-phone");

		browser.manage().deleteAllCookies();
		Browser.logIn(browser, port, "committee", Browser.DEMO_PASSWORD);
		browser.findElement(By.id("follow-ups-card")).findElement(By.tagName("a")).click();
		String queue = browser.findElement(By.tagName("main")).getText();
		assertThat(queue).contains(planted.reference(), "仍未解决", "周四去看还是满的", "13911112222", "已办结");
		assertFitsThePhone();
		Browser.screenshot(browser, "bulletin-committee-queue-phone");
	}

	@Test
	void theA4PosterPrintsWithWorkingQrCodes() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftoppm"))
				|| "true".equals(System.getenv("ONEWEEK_REQUIRE_BROWSER")), "poppler-utils is not installed");
		Planted planted = bulletinCases.record("老石桥栏杆松动", true);
		browser.get(url("/board/DJ/poster?size=A4&lang=zh-CN"));
		assertThat(browser.findElement(By.id("poster-issue")).getText()).contains("DJ-", "号");
		PrintOptions options = new PrintOptions();
		options.setPageSize(new PageSize(29.7, 21.0));
		options.setBackground(true);
		Pdf pdf = ((PrintsPage) browser).print(options);
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Path pdfFile = dir.resolve("bulletin-poster-A4.pdf");
		Files.write(pdfFile, Base64.getDecoder().decode(pdf.getContent()));

		Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile",
				pdfFile.toString(), dir.resolve("bulletin-poster-A4").toString())
			.redirectErrorStream(true)
			.start();
		assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(render.exitValue()).isZero();
		BufferedImage page = ImageIO.read(dir.resolve("bulletin-poster-A4.png").toFile());
		// A4 portrait at 150 dpi: 1240 x 1754 pixels
		assertThat(page.getWidth()).isBetween(1230, 1250);
		assertThat(page.getHeight()).isBetween(1744, 1764);

		List<String> codes = new ArrayList<>();
		// the reader made for many QR codes on one page: the generic one loses its way
		// when a
		// busy week fills the page with codes
		Result[] results = new QRCodeMultiReader().decodeMultiple(
				new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
				Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
		for (Result result : results) {
			codes.add(result.getText());
		}
		assertThat(codes).contains(url("/board/DJ"));
		assertThat(codes).anySatisfy((code) -> assertThat(code).startsWith(url("/c/QX-")));
		String caseUrl = codes.stream().filter((c) -> c.contains("/c/")).findFirst().orElseThrow();
		browser.get(caseUrl);
		assertThat(browser.findElement(By.id("reference")).getText())
			.isEqualTo(caseUrl.substring(caseUrl.indexOf("/c/") + 3));
		assertThat(planted.reference()).startsWith("QX-");
	}

	private void assertFitsThePhone() {
		Object scrollWidth = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(((Number) scrollWidth).intValue()).as("page width on a 360 px phone").isLessThanOrEqualTo(360);
	}

}
