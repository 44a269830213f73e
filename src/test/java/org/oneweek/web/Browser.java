package org.oneweek.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests. On a machine without Chromium the tests are
 * skipped, unless ONEWEEK_REQUIRE_BROWSER=true (CI), where its absence fails them.
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** The password of every demo account. */
	public static final String DEMO_PASSWORD = "oneweek-demo";

	private Browser() {
	}

	/**
	 * Signs in through the login page, in Chinese, and waits until the signed-in page
	 * (the menu with its log-out button) has loaded.
	 */
	public static void logIn(WebDriver driver, int port, String username, String password) {
		driver.get("http://localhost:" + port + "/login?lang=zh-CN");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	public static WebDriver phone() {
		return open(360, 780);
	}

	public static WebDriver open(int width, int height) {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && !"true".equals(System.getenv("ONEWEEK_REQUIRE_BROWSER"))) {
			Assumptions.abort("Debian's chromium and chromium-driver are not installed");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
				"--window-size=" + Math.max(width, 500) + "," + height);
		// a desktop window is at least 500 px wide; a phone's viewport is emulated
		// instead
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return driver;
	}

	/**
	 * Waits until the page whose root element is given has been replaced. Chromium
	 * reports a replaced node either as stale or as "does not belong to the document":
	 * both mean gone.
	 */
	public static void awaitNewPage(WebDriver driver, WebElement oldRoot) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> {
			try {
				oldRoot.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Saves a screenshot of the whole page (up to 12,000 px high), not only of the
	 * viewport, under target/screenshots: to look at a long page as a reader scrolls it.
	 */
	@SuppressWarnings("unchecked")
	public static Path fullPage(WebDriver driver, String name) throws Exception {
		if (!(driver instanceof ChromeDriver chrome)) {
			return screenshot(driver, name);
		}
		Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of())
			.get("cssContentSize");
		double width = ((Number) size.get("width")).doubleValue();
		double height = Math.min(((Number) size.get("height")).doubleValue(), 12_000);
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport",
				true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
		return file;
	}

	/** Saves a screenshot under target/screenshots, kept as a test artifact. */
	public static Path screenshot(WebDriver driver, String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		return file;
	}

}
