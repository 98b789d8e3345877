package dev.specloom.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Param;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The generated site in a real browser: Debian's headless Chromium, driven by chromedriver, loads the index
 * from file://, searches "capture", follows the result to capture_payment_intent and reads its parameter
 * table. Screenshots at desktop and phone width go to target/screenshots.
 */
class SiteBrowserTest {
  static final Path SITE = Path.of("target/site");
  static final Path SHOTS = Path.of("target/screenshots");
  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static ChromeDriver browser;

  @BeforeAll
  static void startChromium() throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("The docs-site browser test needs Chromium and chromedriver (looked for " + CHROMIUM + " and " + CHROMEDRIVER
          + "). Install them with: apt-get update && apt-get install -y chromium chromium-driver "
          + "(.ci/run does this), or point -Dchromium.binary and -Dchromedriver.binary at them.");
    }
    assertTrue(Files.isRegularFile(SITE.resolve("index.html")), "the build generates target/site before the tests");
    // Selenium warns on stderr when its CDP bindings trail the browser's version; this test uses no CDP.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    Files.createDirectories(SHOTS);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath(),
        "--window-size=1280,900");
    // An explicit driver executable: Selenium Manager is never asked to find or download one.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) browser.quit();
  }

  @Test
  void searchCaptureFollowTheResultAndReadTheParameterTable() throws Exception {
    Function capture = SpecLoader.load(Path.of("../specs/stripe.yaml")).function("capture_payment_intent").orElseThrow();
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(SITE.resolve("index.html").toUri().toString());
    assertEquals("Specloom reference", browser.getTitle());
    assertEquals(List.of("Stripe", "ChartMogul", "ChargeOver").stream().sorted().toList(),
        browser.findElements(By.cssSelector(".providers h2 a")).stream().map(WebElement::getText).sorted().toList());

    WebElement search = browser.findElement(By.id("search"));
    search.sendKeys("capture");
    WebElement result = wait(5).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#results a[href='stripe.html#capture_payment_intent']")));
    assertEquals("capture_payment_intent", result.findElement(By.tagName("code")).getText());
    assertEquals("WRITE", result.findElement(By.cssSelector(".badge.write")).getText());
    assertEquals(capture.summary(), result.findElement(By.className("summary")).getText());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("search-desktop.png"), StandardCopyOption.REPLACE_EXISTING);

    result.click();
    wait(5).until(ExpectedConditions.urlContains("stripe.html#capture_payment_intent"));
    assertTrue(browser.getCurrentUrl().startsWith("file:"), browser.getCurrentUrl());
    WebElement heading = browser.findElement(By.id("capture_payment_intent"));
    assertEquals("h3", heading.getTagName());
    assertEquals("capture_payment_intent WRITE", heading.getText());
    assertTrue(inViewport(heading), "the browser scrolled to the function");

    List<WebElement> headerCells = browser.findElements(By.xpath("//h4[@id='capture_payment_intent-parameters']/following-sibling::table[1]/thead//th"));
    assertEquals(List.of("Name", "Type", "Required", "Description"), headerCells.stream().map(WebElement::getText).toList());
    List<WebElement> rows = browser.findElements(By.xpath("//h4[@id='capture_payment_intent-parameters']/following-sibling::table[1]/tbody/tr"));
    assertEquals(capture.params().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Param p = capture.params().get(i);
      List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      assertEquals(List.of(p.name(), MarkdownEmitter.luaType(p.type()), p.required() ? "yes" : "no"), cells.subList(0, 3));
      assertTrue(cells.get(3).startsWith(p.description()), cells.get(3));
    }
    assertEquals(List.of("id", "amount_to_capture"), capture.params().stream().map(Param::name).toList());
    assertEquals("Amount to capture in cents, at most amount_capturable; Stripe captures the full amount_capturable when omitted. (min: 1)",
        rows.get(1).findElements(By.tagName("td")).get(3).getText());
    assertTrue(everyResourceIsALocalFile(), "the stylesheet and both scripts are local files");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("function-desktop.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void readableAtPhoneWidth() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(SITE.resolve("index.html").toUri().toString());
    long viewport = (Long) js("return document.documentElement.clientWidth");
    assertTrue(viewport <= 400, "phone-width viewport, got " + viewport);
    assertEquals(viewport, (Long) js("return document.documentElement.scrollWidth"), "no sideways scrolling of the index");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("index-phone.png"), StandardCopyOption.REPLACE_EXISTING);

    browser.get(SITE.resolve("stripe.html").toUri() + "#capture_payment_intent");
    assertEquals(viewport, (Long) js("return document.documentElement.scrollWidth"), "no sideways scrolling of the page");
    assertTrue(!browser.findElement(By.cssSelector("nav.toc details")).getDomProperty("open").equals("true"),
        "contents start folded on a phone");
    assertTrue(inViewport(browser.findElement(By.id("capture_payment_intent"))));
    String table = "//h4[@id='capture_payment_intent-parameters']/following-sibling::table[1]";
    assertTrue(!browser.findElement(By.xpath(table + "/thead")).isDisplayed(), "rows are cards, labelled per cell");
    List<WebElement> cells = browser.findElements(By.xpath(table + "/tbody/tr[2]/td"));
    assertEquals(List.of("Name", "Type", "Required", "Description"), cells.stream().map(c -> c.getDomAttribute("data-label")).toList());
    assertEquals(List.of("amount_to_capture", "integer", "no"), cells.subList(0, 3).stream().map(WebElement::getText).toList());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("function-phone.png"), StandardCopyOption.REPLACE_EXISTING);

    WebElement search = browser.findElement(By.id("search"));
    search.sendKeys("zebra");
    WebElement none = wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .none")));
    assertEquals("No function matches “zebra”.", none.getText());
    search.clear();
    search.sendKeys("invoice void");
    WebElement hit = wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results a")));
    assertEquals("stripe.html#void_invoice", hit.getDomAttribute("href"));
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("search-phone.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean inViewport(WebElement e) {
    return (Boolean) js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;", e);
  }

  private static boolean everyResourceIsALocalFile() {
    return (Boolean) js("var urls = Array.from(document.querySelectorAll('[src], link[href]'), function (e) { return e.src || e.href; });"
        + " return urls.length === 3 && urls.every(function (u) { return u.indexOf('file:') === 0; });");
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }
}
