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
    assertEquals(List.of("Name", "Type", "Required", "Default", "Description"), headerCells.stream().map(WebElement::getText).toList());
    List<WebElement> rows = browser.findElements(By.xpath("//h4[@id='capture_payment_intent-parameters']/following-sibling::table[1]/tbody/tr"));
    assertEquals(capture.params().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Param p = capture.params().get(i);
      List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      assertEquals(List.of(p.name(), MarkdownEmitter.luaType(p.type()), p.required() ? "yes" : "no"), cells.subList(0, 3));
      assertTrue(cells.get(4).startsWith(p.description()), cells.get(4));
    }
    assertEquals(List.of("id", "amount_to_capture"), capture.params().stream().map(Param::name).toList());
    assertEquals("Amount to capture in cents, at most amount_capturable; Stripe captures the full amount_capturable when omitted. (min: 1)",
        rows.get(1).findElements(By.tagName("td")).get(4).getText());
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
    assertEquals(List.of("Name", "Type", "Required", "Default", "Description"), cells.stream().map(c -> c.getDomAttribute("data-label")).toList());
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

  @Test
  void switchTabsFollowTheResultTypeAndOpenTheParamsBuildersJavadoc() throws Exception {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(SITE.resolve("stripe.html").toUri() + "#create_customer");
    WebElement examples = browser.findElement(By.cssSelector(".examples[data-function='create_customer']"));
    assertEquals(List.of("Lua", "Java", "HTTP"), examples.findElements(By.cssSelector("[role='tab']")).stream().map(WebElement::getText).toList());
    assertTrue(panel("create_customer", "lua").isDisplayed(), "Lua is the first tab");
    assertTrue(!panel("create_customer", "java").isDisplayed() && !panel("create_customer", "http").isDisplayed());

    tab("create_customer", "java").click();
    assertTrue(panel("create_customer", "java").isDisplayed() && !panel("create_customer", "lua").isDisplayed());
    assertEquals("true", tab("create_customer", "java").getDomAttribute("aria-selected"));
    assertTrue(panel("create_customer", "java").findElement(By.tagName("pre")).getText()
        .startsWith("Customer customer = stripe.createCustomer(CreateCustomerParams.builder()\n    .name(\"Acme Corp\")"),
        panel("create_customer", "java").getText());
    assertTrue(panel("get_customer", "java").isDisplayed(), "the chosen language applies to every function on the page");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("tabs-java-desktop.png"), StandardCopyOption.REPLACE_EXISTING);

    tab("create_customer", "http").click();
    assertTrue(panel("create_customer", "http").isDisplayed() && !panel("create_customer", "java").isDisplayed());
    assertTrue(panel("create_customer", "http").getText().startsWith("curl 'https://api.stripe.com/v1/customers' \\\n  -u \"$STRIPE_API_KEY:\""),
        panel("create_customer", "http").getText());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("tabs-http-desktop.png"), StandardCopyOption.REPLACE_EXISTING);

    tab("create_customer", "java").click();
    panel("create_customer", "java").findElement(By.cssSelector(".java-facts a.type")).click();
    wait(5).until(ExpectedConditions.urlContains("stripe.html#type-customer"));
    WebElement type = browser.findElement(By.id("type-customer"));
    assertEquals("h3", type.getTagName());
    assertEquals("Customer", type.getText());
    assertTrue(inViewport(type), "the browser scrolled to the Customer table");
    assertEquals("Field", type.findElement(By.xpath("following-sibling::table[1]/thead//th[1]")).getText());

    browser.get(SITE.resolve("stripe.html").toUri() + "#get_customer");
    browser.findElement(By.xpath("//h4[@id='get_customer-result']/following-sibling::p[1]/a")).click();
    wait(5).until(ExpectedConditions.urlContains("stripe.html#type-customer"));

    browser.get(SITE.resolve("stripe.html").toUri() + "#create_customer");
    tab("create_customer", "java").click();
    List<WebElement> javadoc = panel("create_customer", "java").findElements(By.cssSelector(".java-facts a.javadoc"));
    assertEquals(List.of("CreateCustomerParams.Builder", "StripeClient.createCustomer"), javadoc.stream().map(WebElement::getText).toList());
    javadoc.get(0).click();
    wait(10).until(ExpectedConditions.titleContains("CreateCustomerParams.Builder"));
    assertTrue(browser.getCurrentUrl().startsWith("file:") && browser.getCurrentUrl().endsWith(
        "/site/javadoc/stripe/dev/specloom/stripe/CreateCustomerParams.Builder.html"), browser.getCurrentUrl());
    assertEquals("Class CreateCustomerParams.Builder", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElements(By.cssSelector("[id='name(java.lang.String)']")).size() == 1, "the builder documents name(String)");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("javadoc-params-builder.png"), StandardCopyOption.REPLACE_EXISTING);

    browser.navigate().back();
    wait(5).until(ExpectedConditions.urlContains("stripe.html"));
    tab("create_customer", "java").click();
    panel("create_customer", "java").findElements(By.cssSelector(".java-facts a.javadoc")).get(1).click();
    wait(10).until(ExpectedConditions.titleContains("StripeClient"));
    assertTrue(browser.getCurrentUrl().endsWith("StripeClient.html#createCustomer(dev.specloom.stripe.CreateCustomerParams)"),
        browser.getCurrentUrl());
    assertTrue(inViewport(browser.findElement(By.cssSelector("[id='createCustomer(dev.specloom.stripe.CreateCustomerParams)']"))));
  }

  @Test
  void tabsOnAPhone() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(SITE.resolve("chargeover.html").toUri() + "#list_invoices");
    long viewport = (Long) js("return document.documentElement.clientWidth");
    tab("list_invoices", "http").click();
    WebElement curl = panel("list_invoices", "http").findElement(By.tagName("pre"));
    assertTrue(curl.isDisplayed());
    assertTrue(inViewport(tab("list_invoices", "http")), "the tab stays where it was tapped");
    assertEquals(viewport, (Long) js("return document.documentElement.scrollWidth"), "long curl lines scroll inside their box");
    assertTrue((Long) js("return arguments[0].scrollWidth", curl) > (Long) js("return arguments[0].clientWidth", curl));
    long tabHeight = tab("list_invoices", "http").getSize().getHeight();
    assertTrue(tabHeight >= 32, "tabs are big enough to tap: " + tabHeight);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("tabs-phone.png"), StandardCopyOption.REPLACE_EXISTING);
    tab("list_invoices", "java").click();
    assertTrue(panel("list_invoices", "java").isDisplayed() && !curl.isDisplayed());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("tabs-java-phone.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static WebElement tab(String function, String language) {
    return browser.findElement(By.id(function + "-tab-" + language));
  }

  private static WebElement panel(String function, String language) {
    return browser.findElement(By.id(function + "-panel-" + language));
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
