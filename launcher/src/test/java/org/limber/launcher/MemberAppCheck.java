package org.limber.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.limber.simulator.JsonHttp;
import org.limber.simulator.Keycloak;

/**
 * Browser checks of the member app against a running stack, in Debian's headless Chromium through Keycloak's
 * real pages: the first load's weight and time to interactive on "Slow 4G" throttling; a new member registers,
 * takes the intake (a yes shows the safety advice at once), does today's session and logs it; with the network
 * off (DevTools network emulation) a second session is logged and waits; with the network back both are stored
 * once (checked through the API) and the progress chart shows them; a second visit works offline; a symptom
 * report shows the safety message and the plan is then suspended; sign-out ends the Keycloak session; maria
 * sees her weeks. Every screen is checked with axe-core and for tap targets of 44 px; screenshots at 390x844 and
 * desktop size. Run by {@link SmokeCheck}, or on its own against a running stack:
 * {@code java -cp "launcher/target/test-classes:launcher/target/classes:$(cat launcher/target/test.classpath)" org.limber.launcher.MemberAppCheck http://localhost:8085 http://localhost:8180 http://localhost:8082 docs/screenshots}
 */
public final class MemberAppCheck {

    /** Chromium's "Slow 4G" preset: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up (bytes per second here). */
    static final ChromiumNetworkConditions SLOW_4G = new ChromiumNetworkConditions()
            .setLatency(Duration.ofMillis(563))
            .setDownloadThroughput(180_000)
            .setUploadThroughput(84_375);

    static final long WEIGHT_BUDGET = 150 * 1024;
    static final long INTERACTIVE_BUDGET_MS = 3000;

    private final String app;
    private final String routine;
    private final Keycloak identity;
    private final Path screenshots;
    private final BiConsumer<String, Supplier<Boolean>> check;
    private final JsonHttp http = new JsonHttp();
    private final String username = "app-" + UUID.randomUUID().toString().substring(0, 8);
    private final String password =
            "app-password-" + UUID.randomUUID().toString().substring(0, 6);

    public MemberAppCheck(
            String app,
            String keycloak,
            String routine,
            Path screenshots,
            BiConsumer<String, Supplier<Boolean>> check) {
        this.app = app;
        this.routine = routine;
        this.identity = new Keycloak(http, keycloak, "limber", "limber-scripts", "limber-scripts-secret");
        this.screenshots = screenshots;
        this.check = check;
    }

    public static void main(String[] args) {
        int[] counts = new int[2];
        new MemberAppCheck(
                        args.length > 0 ? args[0] : "http://localhost:8085",
                        args.length > 1 ? args[1] : "http://localhost:8180",
                        args.length > 2 ? args[2] : "http://localhost:8082",
                        Path.of(args.length > 3 ? args[3] : "launcher/target/app-screenshots"),
                        (what, test) -> {
                            boolean ok;
                            try {
                                ok = test.get();
                            } catch (RuntimeException e) {
                                ok = false;
                                what += " (" + e.getMessage() + ")";
                            }
                            System.out.println("app: " + (ok ? "ok    " : "FAIL  ") + what);
                            counts[ok ? 0 : 1]++;
                        })
                .run();
        System.out.println(counts[0] + " passed, " + counts[1] + " failed");
        System.exit(counts[1] == 0 ? 0 : 1);
    }

    /** What the member sent the care team before this check (SmokeCheck), to be seen in the app; null: not checked. */
    private String messageText;

    public MemberAppCheck withMessage(String text) {
        this.messageText = text;
        return this;
    }

    public void run() {
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriver browser = browser();
        try {
            firstLoad(browser);
            register(browser);
            intake(browser);
            session(browser, true);
            offlineSession(browser);
            progress(browser);
            secondVisitOffline(browser);
            plan(browser);
            questionnaires(browser);
            reminders(browser);
            yourData(browser);
            symptomAndSuspension(browser);
            signOut(browser);
        } finally {
            browser.quit();
        }
        ChromeDriver maria = browser();
        try {
            maria(maria);
        } finally {
            maria.quit();
        }
    }

    // ---- weight and time ----

    private void firstLoad(ChromeDriver browser) {
        browser.setNetworkConditions(SLOW_4G);
        browser.get(app + "/");
        ready(browser);
        long interactive = ((Number) js(browser, "return Number(document.body.dataset.ready)")).longValue();
        long bytes = ((Number) js(
                        browser,
                        "const own = (e) => e.name.startsWith(location.origin);"
                                + "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                                + ".filter(own).reduce((n, e) => n + e.transferSize, 0)"))
                .longValue();
        browser.deleteNetworkConditions();
        System.out.printf(
                "app: first load %.1f KB transferred (compressed, headers included; budget %d KB), interactive after %d ms on Slow 4G (budget %d ms)%n",
                bytes / 1024.0, WEIGHT_BUDGET / 1024, interactive, INTERACTIVE_BUDGET_MS);
        check.accept(
                "the first load transfers at most 150 KB (" + Math.round(bytes / 1024.0) + " KB)",
                () -> bytes > 0 && bytes <= WEIGHT_BUDGET);
        check.accept(
                "on Slow 4G the shell is interactive within 3 s (" + interactive + " ms)",
                () -> interactive > 0 && interactive <= INTERACTIVE_BUDGET_MS);
        screen(browser, "welcome", "app-welcome");
    }

    // ---- a new member ----

    private void register(ChromeDriver browser) {
        browser.findElement(By.id("register")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("password-confirm")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("email")).sendKeys(username + "@example.org");
        browser.findElement(By.id("firstName")).sendKeys("App");
        browser.findElement(By.id("lastName")).sendKeys("Member");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("password-confirm")).sendKeys(password);
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        wait(browser).until(d -> d.getCurrentUrl().startsWith(app));
        boolean intake = waitFor(browser, By.id("intake-form"));
        check.accept("a new member registers in Keycloak, is signed in and starts with the intake", () -> intake);
    }

    private void intake(ChromeDriver browser) {
        // A yes to a referral question shows its safety advice at once, first and large.
        pick(browser, "flag-saddleNumbness", "true");
        String safety = text(browser, "#intake-safety");
        check.accept(
                "a yes at the intake shows the safety message at once, above the questions",
                () -> safety.toLowerCase().contains("emergency")
                        && (Boolean)
                                js(
                                        browser,
                                        "return document.querySelector('#intake-safety').compareDocumentPosition("
                                                + "document.querySelector('#intake-form')) === Node.DOCUMENT_POSITION_FOLLOWING"));
        screen(browser, "intake, a red flag answered yes", "app-intake-safety");
        for (WebElement no : browser.findElements(By.cssSelector("input[name^='flag-'][value='false']"))) {
            click(browser, label(browser, no));
        }
        check.accept(
                "answering no again takes the safety message away",
                () -> text(browser, "#intake-safety").isEmpty());
        click(browser, label(browser, "conditions", "NON_SPECIFIC_LOW_BACK_PAIN"));
        pick(browser, "painNow", "5");
        pick(browser, "painTypical", "6");
        pick(browser, "duration", "OVER_12_WEEKS");
        pick(browser, "spineSurgery", "false");
        click(browser, label(browser, "goals", "REDUCE_PAIN"));
        click(browser, label(browser, "equipment", "MAT"));
        pick(browser, "minutesPerSession", "15");
        pick(browser, "sessionsPerWeek", "3");
        pick(browser, "experience", "BEGINNER");
        screen(browser, "intake", "app-intake");
        click(browser, browser.findElement(By.cssSelector("#intake-form button[type=submit]")));
        boolean ready = waitForText(browser, "main", "Your plan is ready");
        check.accept("the intake makes a plan (Your plan is ready)", () -> ready);
        click(browser, browser.findElement(By.linkText("Start today's session")));
    }

    /** Today's session, every exercise done; the pain before chosen with the keyboard alone. */
    private void session(ChromeDriver browser, boolean online) {
        boolean shown = waitFor(browser, By.id("session-form"));
        check.accept(
                "today's session shows each exercise with its steps and dose" + (online ? "" : " (offline)"),
                () -> shown
                        && !browser.findElements(By.cssSelector(".exercise ol li"))
                                .isEmpty()
                        && !browser.findElements(By.cssSelector(".exercise .dose"))
                                .isEmpty());
        for (WebElement done : browser.findElements(By.cssSelector("input[name^='status-'][value='DONE']"))) {
            click(browser, label(browser, done));
        }
        // Keyboard: focus the first tile of the scale, Space selects it, the arrow keys move along the scale.
        js(browser, "document.querySelector(\"input[name='painBefore'][value='0']\").focus()");
        new Actions(browser)
                .sendKeys(Keys.SPACE)
                .sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.ARROW_RIGHT)
                .perform();
        check.accept(
                "the pain scale works with the keyboard (Space, then arrows to 3)",
                () -> browser.findElement(By.cssSelector("input[name='painBefore'][value='3']"))
                        .isSelected());
        pick(browser, "painDuring", "3");
        pick(browser, "painAfter", "2");
        pick(browser, "effort", "JUST_RIGHT");
        if (online) {
            screen(browser, "today's session", "app-today");
        }
        // Submitted with the keyboard: Enter on the focused button.
        WebElement save = browser.findElement(By.cssSelector("#session-form button[type=submit]"));
        js(browser, "arguments[0].focus()", save);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        boolean saved = waitFor(browser, By.id("session-status"));
        String status = saved ? text(browser, "#session-status") : "";
        check.accept(
                online ? "the session is sent (Sent)" : "offline, the session waits on the device (Waiting to send)",
                () -> online ? status.startsWith("Sent") : status.startsWith("Waiting to send"));
        if (online) {
            screen(browser, "after the session", "app-summary");
        }
    }

    private void offlineSession(ChromeDriver browser) {
        browser.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
        browser.navigate().to(app + "/#/today");
        session(browser, false);
        check.accept(
                "the shell says a session is waiting to send",
                () -> text(browser, "#waiting").contains("1 session"));
        browser.deleteNetworkConditions();
        boolean sent = wait(browser, Duration.ofSeconds(60))
                .until(d -> !d.findElement(By.id("waiting")).isDisplayed());
        check.accept("with the network back, the waiting session is sent", () -> sent);
        String token = identity.user(username, password).get();
        JsonNode sessions =
                http.get(routine + "/members/me/sessions?size=50", token).body();
        check.accept(
                "both sessions are stored once on the server (" + sessions.path("total") + ")",
                () -> sessions.path("total").asInt() == 2);
    }

    private void progress(ChromeDriver browser) {
        boolean both = false;
        for (int i = 0; i < 30 && !both; i++) {
            browser.navigate().to(app + "/#/plan");
            browser.navigate().to(app + "/#/progress");
            both = waitFor(browser, By.id("sessions-total"))
                    && text(browser, "#sessions-total").equals("2");
            if (!both) {
                Launcher.sleep(2000);
            }
        }
        boolean shown = both;
        check.accept(
                "the progress screen counts both sessions, with the chart and its table",
                () -> shown
                        && !browser.findElements(By.cssSelector("svg.chart circle"))
                                .isEmpty()
                        && !browser.findElements(By.cssSelector("#weeks tbody tr"))
                                .isEmpty());
        screen(browser, "progress", "app-progress");
    }

    private void secondVisitOffline(ChromeDriver browser) {
        browser.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
        browser.navigate().to(app + "/#/today");
        browser.navigate().refresh();
        boolean works = waitFor(browser, By.id("session-form"));
        browser.deleteNetworkConditions();
        // The reload forgot the tokens (they live in memory only): the next screen signs in again through
        // Keycloak's session, without a password.
        check.accept(
                "a second visit works with the network off (the shell and today's session from the service worker)",
                () -> works);
    }

    private void plan(ChromeDriver browser) {
        browser.navigate().to(app + "/#/plan");
        browser.navigate().refresh();
        // The reload signs in again through Keycloak's session before the plan is fetched: a longer wait.
        boolean shown = waitForText(browser, "main", "What changed and why", Duration.ofSeconds(90));
        check.accept(
                "the plan shows its sessions, each item's reason, and what changed",
                () -> shown
                        && !browser.findElements(By.cssSelector(".items .reason"))
                                .isEmpty());
        screen(browser, "plan", "app-plan");
    }

    private void symptomAndSuspension(ChromeDriver browser) {
        browser.findElement(By.id("report")).click();
        boolean form = waitFor(browser, By.id("symptom-SADDLE_NUMBNESS"));
        check.accept("report a symptom is one tap from the screen", () -> form);
        screen(browser, "report a symptom", "app-symptoms");
        // Reported without a network: the advice kept on the device at once, the report waiting, sent first later.
        browser.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
        click(browser, label(browser, "symptom", "SADDLE_NUMBNESS"));
        click(browser, browser.findElement(By.cssSelector("#screen form button[type=submit]")));
        boolean advice = waitFor(browser, By.cssSelector("#symptom-result .safety h2"));
        check.accept(
                "a symptom reported offline shows the safety message first at once (emergency care)",
                () -> advice
                        && text(browser, "#symptom-result .safety h2")
                                .toLowerCase()
                                .contains("emergency"));
        boolean waiting = waitForText(browser, "#symptom-result", "Waiting to send");
        check.accept("offline, the report waits on the device", () -> waiting);
        screen(browser, "safety message", "app-safety");
        browser.deleteNetworkConditions();
        boolean sent = wait(browser, Duration.ofSeconds(60))
                .until(d -> !d.findElement(By.id("waiting")).isDisplayed());
        check.accept("with the network back, the report is sent", () -> sent);
        browser.navigate().to(app + "/#/today");
        boolean paused = waitForText(browser, "main", "Your plan is paused");
        check.accept(
                "today's session is refused while suspended: the app says what to do and that the care team will be in touch",
                () -> paused && text(browser, "main").contains("care team"));
        screen(browser, "suspended plan", "app-suspended");
    }

    private void signOut(ChromeDriver browser) {
        click(browser, browser.findElement(By.id("sign-out")));
        wait(browser).until(d -> d.getCurrentUrl().startsWith(app) && present(d, By.id("sign-in")));
        browser.findElement(By.id("sign-in")).click();
        boolean asked = waitFor(browser, By.id("kc-login"));
        check.accept("sign-out ends the Keycloak session (signing in asks for the password again)", () -> asked);
    }

    private void maria(ChromeDriver browser) {
        browser.get(app + "/");
        ready(browser);
        browser.findElement(By.id("sign-in")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        browser.findElement(By.id("username")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys(ConsoleCheck.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait(browser).until(d -> d.getCurrentUrl().startsWith(app));
        browser.navigate().to(app + "/#/progress");
        boolean weeks = waitFor(browser, By.cssSelector("#weeks tbody tr"));
        int rows = browser.findElements(By.cssSelector("#weeks tbody tr")).size();
        int sessions = weeks ? Integer.parseInt(text(browser, "#sessions-total")) : 0;
        check.accept(
                "maria signs in and sees her twelve weeks (" + rows + " weeks, " + sessions + " sessions)",
                () -> rows == 12 && sessions > 12);
        screen(browser, "maria's progress", "app-maria-progress");
        messages(browser);
    }

    /**
     * The new member's questionnaires at the start (PEG and STarT Back): both due; PEG answered on its
     * screen (each item a row of tiles), sent, and then listed as answered.
     */
    private void questionnaires(ChromeDriver browser) {
        browser.navigate().to(app + "/#/questionnaires");
        boolean due = waitForText(browser, "main", "Answer: Pain, enjoyment of life")
                && text(browser, "main").contains("Answer: How back pain affects you");
        check.accept("a new member is asked PEG and STarT Back at the start", () -> due);
        screen(browser, "questionnaires", "app-questionnaires");
        if (!due) {
            return;
        }
        browser.findElements(By.cssSelector("main button.primary")).stream()
                .filter(b -> b.getText().contains("PEG"))
                .findFirst()
                .ifPresent(WebElement::click);
        waitFor(browser, By.cssSelector("main form fieldset"));
        js(
                browser,
                "document.querySelectorAll('main form fieldset')"
                        + ".forEach((f) => f.querySelectorAll('input[type=radio]')[5].click())");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        boolean sent = waitForText(browser, "main", "your answers were sent to your care team");
        check.accept("the member answers PEG (three 0-10 items) and it is sent", () -> sent);
        browser.navigate().to(app + "/#/questionnaires");
        boolean answered = waitForText(browser, "main", "(score 5.0 of 10)");
        check.accept("PEG is then listed as answered, with its score", () -> answered);
    }

    /** Reminder settings (engagement-service): the plan's days suggested, the device's time zone, saved. */
    private void reminders(ChromeDriver browser) {
        browser.navigate().to(app + "/#/reminders");
        boolean form = waitFor(browser, By.id("reminders-form"));
        check.accept(
                "the reminders screen suggests days from the plan, in the device's time zone",
                () -> form
                        && !browser.findElements(By.cssSelector("#reminders-form input[name=days]:checked"))
                                .isEmpty()
                        && !browser.findElement(By.id("reminders-zone"))
                                .getAttribute("value")
                                .isBlank());
        screen(browser, "reminders", "app-reminders");
        if (!form) {
            return;
        }
        js(browser, "document.getElementById('reminders-time').value = '07:30'");
        browser.findElement(By.cssSelector("#reminders-form button[type=submit]"))
                .click();
        boolean saved = waitFor(browser, By.id("reminders-saved"));
        browser.navigate().refresh();
        boolean kept = saved
                && waitFor(browser, By.id("reminders-time"))
                && "07:30".equals(browser.findElement(By.id("reminders-time")).getAttribute("value"));
        check.accept("the member saves reminders at 07:30 and they are kept", () -> kept);
    }

    /**
     * Your data (issue 25), opened from the menu: who looked at the data, the deletion refused without its
     * confirmation (nothing is sent), and "Download my data" saving the export as a file (a Blob link named as the
     * service names it).
     */
    private void yourData(ChromeDriver browser) {
        click(browser, browser.findElement(By.cssSelector("nav a[href='#/your-data']")));
        boolean shown = waitFor(browser, By.id("erase-form")) && waitFor(browser, By.cssSelector("#access-status p"));
        check.accept("the menu opens Your data: who looked at the data, and the account's deletion", () -> shown);
        screen(browser, "your data", "app-your-data");
        if (!shown) {
            return;
        }
        click(browser, browser.findElement(By.id("erase-submit")));
        boolean refused = waitForText(browser, "#erase-confirm-error", "type DELETE")
                && browser.findElements(By.id("erase-status")).isEmpty();
        check.accept("deleting the account without ticking the box and typing DELETE is refused", () -> refused);
        click(browser, browser.findElement(By.id("export-download")));
        boolean saved = waitFor(browser, By.id("export-link"));
        String file = saved ? browser.findElement(By.id("export-link")).getAttribute("download") : "";
        check.accept(
                "Download my data saves the export as a file (" + file + ")",
                () -> file.matches("limber-export-\\d{4}-\\d{2}-\\d{2}\\.json"));
    }

    /** maria's thread with her care team: the "not read at once" notice, and the message she sent (SmokeCheck). */
    private void messages(ChromeDriver browser) {
        browser.navigate().to(app + "/#/messages");
        boolean notice = waitForText(browser, "#messages-notice", "not read at once");
        boolean mine = messageText == null || waitForText(browser, "main", messageText);
        check.accept("maria's messages say they are not read at once and show what she sent", () -> notice && mine);
        screen(browser, "maria's messages", "app-messages");
    }

    // ---- each screen: axe-core, tap targets, screenshots ----

    private void screen(ChromeDriver browser, String name, String file) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .toList();
        String named = bad.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + ", " + r.getNodes().size() + ")")
                .collect(Collectors.joining(", "));
        check.accept(
                "axe-core: no serious or critical violation on the " + name + " screen"
                        + (bad.isEmpty() ? "" : ": " + named),
                bad::isEmpty);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js(
                browser,
                "return [...document.querySelectorAll('button, a.button, nav a, .tile label, .check label, select, textarea')]"
                        + ".filter((e) => e.offsetParent !== null)"
                        + ".filter((e) => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; })"
                        + ".map((e) => e.textContent.trim().slice(0, 30) || e.tagName)");
        check.accept(
                "tap targets are at least 44 px on the " + name + " screen" + (small.isEmpty() ? "" : ": " + small),
                small::isEmpty);
        js(browser, "window.scrollTo(0, 0)");
        shoot(browser, file + "-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        js(browser, "window.scrollTo(0, 0)");
        shoot(browser, file + "-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private void shoot(ChromeDriver browser, String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers ----

    private ChromeDriver browser() {
        Path profile;
        try {
            profile = Files.createTempDirectory("limber-app-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ConsoleCheck.CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ConsoleCheck.CHROMEDRIVER))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    private static void ready(WebDriver browser) {
        wait(browser).until(d -> present(d, By.cssSelector("body[data-ready]")));
    }

    private static void pick(WebDriver browser, String name, String value) {
        click(browser, label(browser, name, value));
    }

    /** Clicks an element in the middle of the window (the app's header stays at the top). */
    private static void click(WebDriver browser, WebElement element) {
        js(browser, "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static WebElement label(WebDriver browser, String name, String value) {
        return browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "'] + label"));
    }

    private static WebElement label(WebDriver browser, WebElement input) {
        return browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"));
    }

    private static boolean present(WebDriver browser, By by) {
        return !browser.findElements(by).isEmpty();
    }

    private static boolean waitFor(WebDriver browser, By by) {
        try {
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(by));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean waitForText(WebDriver browser, String css, String text) {
        return waitForText(browser, css, text, Duration.ofSeconds(30));
    }

    private static boolean waitForText(WebDriver browser, String css, String text, Duration timeout) {
        try {
            wait(browser, timeout).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return wait(browser, Duration.ofSeconds(30));
    }

    private static WebDriverWait wait(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }
}
