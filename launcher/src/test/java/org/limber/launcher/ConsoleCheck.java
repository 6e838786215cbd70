package org.limber.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser checks of the care console against a running stack, in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}) through Keycloak's real login page: a clinician's
 * panel, a member's chart, an alert acknowledged in place, an exercise swapped with a note, the review of
 * a member held by a red flag (when one is given: refused with no red flag ticked, then recorded and the
 * referral cleared); an editor's draft changed and published, then read back from the public catalog; an
 * admin's outcomes; a member refused. Every page is checked with axe-core (no serious or critical
 * violation) and the main pages are saved as screenshots. Run by {@link SmokeCheck}, or on its own against
 * a running stack (the screenshots' folder and the id of a member of casey's referred at the first intake
 * are optional):
 * {@code java -cp "launcher/target/test-classes:launcher/target/classes:$(cat launcher/target/test.classpath)" org.limber.launcher.ConsoleCheck http://localhost:8084 http://localhost:8081 docs/screenshots MEMBER_ID}
 */
public final class ConsoleCheck {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    static final String PASSWORD = "limber";
    /** What the console says when a review clears a referral made at the first intake (the console's Done.REVIEW_REFERRAL_CLEARED). */
    static final String REFERRAL_CLEARED =
            "Review recorded: the referral is cleared. The member may take the intake again to get a plan.";

    private final String console;
    private final String catalog;
    private final Path screenshots;
    private final BiConsumer<String, Supplier<Boolean>> check;
    /** A member of casey's referred at the first intake and not reviewed yet (its review is checked), or null. */
    private final String heldMember;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public ConsoleCheck(String console, String catalog, Path screenshots, BiConsumer<String, Supplier<Boolean>> check) {
        this(console, catalog, screenshots, null, check);
    }

    /**
     * With {@code heldMember}, a member assigned to casey and referred at the first intake (a red flag:
     * saddle numbness), whose review casey then records in the review form; null skips that check.
     */
    public ConsoleCheck(
            String console,
            String catalog,
            Path screenshots,
            String heldMember,
            BiConsumer<String, Supplier<Boolean>> check) {
        this.console = console;
        this.catalog = catalog;
        this.screenshots = screenshots;
        this.heldMember = heldMember;
        this.check = check;
    }

    /** A member's message to the care team, which casey must read in the member's thread (both null: not checked). */
    private String messageMember;

    private String messageText;

    public ConsoleCheck withMessage(String member, String text) {
        this.messageMember = member;
        this.messageText = text;
        return this;
    }

    /** Whether the browser is there to run the checks (CI installs it; a developer may not have it). */
    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static void main(String[] args) throws Exception {
        int[] counts = new int[2];
        List<String> failed = new ArrayList<>();
        new ConsoleCheck(
                        args.length > 0 ? args[0] : "http://localhost:8084",
                        args.length > 1 ? args[1] : "http://localhost:8081",
                        Path.of(args.length > 2 ? args[2] : "docs/screenshots"),
                        args.length > 3 ? args[3] : null,
                        (what, test) -> {
                            boolean ok;
                            try {
                                ok = test.get();
                            } catch (RuntimeException e) {
                                ok = false;
                                what += " (" + e.getMessage() + ")";
                            }
                            System.out.println("console: " + (ok ? "ok    " : "FAIL  ") + what);
                            counts[ok ? 0 : 1]++;
                            if (!ok) {
                                failed.add(what);
                            }
                        })
                .run();
        failed.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(counts[0] + " passed, " + counts[1] + " failed");
        System.exit(counts[1] == 0 ? 0 : 1);
    }

    public void run() {
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clinician();
        editor();
        admin();
        member();
    }

    // ---- a clinician's day ----

    private void clinician() {
        WebDriver browser = browser();
        try {
            signIn(browser, "casey");
            check.accept(
                    "casey signs in through Keycloak's login page and lands on Today: sessions today and this week,"
                            + " the worst pain today, who waits for a review, the open alerts",
                    () -> browser.getCurrentUrl().startsWith(console + "/today")
                            && text(browser, "h1").equals("Today")
                            && !browser.findElements(By.id("active-today")).isEmpty()
                            && !browser.findElements(By.id("worst-pain")).isEmpty()
                            && !browser.findElements(By.id("h-review")).isEmpty()
                            && !browser.findElements(By.id("h-alerts")).isEmpty());
            accessible(browser, "today");
            shoot(browser, "today");
            browser.get(console + "/panel");
            // The links' targets now: the search below leaves this page.
            List<String> members = browser.findElements(By.cssSelector("#panel tbody th a")).stream()
                    .map(a -> a.getAttribute("href"))
                    .toList();
            check.accept(
                    "the panel shows members by name, the id beside it",
                    () -> !browser.findElements(By.cssSelector("#panel tbody th .person"))
                            .isEmpty());
            searchByName(browser);
            check.accept(
                    "the panel lists her members, most in need first (" + members.size() + ")",
                    () -> !members.isEmpty());
            accessible(browser, "panel");
            shoot(browser, "panel");
            // The member most in need with a plan: the held member has none (its review is checked below).
            String memberUrl = members.stream()
                    .filter(href -> heldMember == null || !href.endsWith("/members/" + heldMember))
                    .findFirst()
                    .orElse(null);
            if (memberUrl == null) {
                return;
            }
            browser.get(memberUrl);
            check.accept(
                    "the member page draws the pain chart with a title, axis labels and a table of the same figures",
                    () -> !browser.findElements(By.cssSelector("#pain-chart svg[role=img] title"))
                                    .isEmpty()
                            && browser.findElement(By.cssSelector("#pain-chart svg"))
                                    .getAttribute("innerHTML")
                                    .contains("Pain (0-10)")
                            && weekRows(browser) >= 1
                            && weekRows(browser) <= 12);
            check.accept(
                    "the member page shows adherence, the plan with reasons and what was left out",
                    () -> !browser.findElements(By.cssSelector("#adherence-chart svg"))
                                    .isEmpty()
                            && !browser.findElements(By.cssSelector("li.item .reason"))
                                    .isEmpty()
                            && !browser.findElements(By.id("plan-version")).isEmpty());
            accessible(browser, "member");
            shoot(browser, "member");
            swap(browser, memberUrl);
            acknowledge(browser);
            if (heldMember != null) {
                review(browser);
            }
            readTheMessage(browser);
            browser.get(console + "/triage");
            check.accept(
                    "the triage page answers (the queue, or a clear message while the service lacks it)",
                    () -> text(browser, "h1").equals("Triage")
                            && browser.findElements(By.cssSelector(".notice.error"))
                                    .isEmpty());
            accessible(browser, "triage");
            browser.findElement(By.id("sign-out")).click();
            wait(browser).until(ExpectedConditions.urlContains("/signed-out"));
            browser.get(console + "/panel");
            check.accept(
                    "signing out ends the Keycloak session too (the login page comes back)",
                    () -> !browser.findElements(By.id("kc-login")).isEmpty());
        } catch (RuntimeException e) {
            check.accept(
                    "the clinician's checks ran to the end (" + e.getClass().getSimpleName() + ": " + firstLine(e)
                            + ")",
                    () -> false);
        } finally {
            browser.quit();
        }
    }

    /**
     * Finds the member last by name (sorted Z to A on the server, so whatever the panel's size) by their
     * family name, and pages through a search when it has more than one page.
     */
    private void searchByName(WebDriver browser) {
        browser.get(console + "/panel?sort=-name");
        List<WebElement> last = browser.findElements(By.cssSelector("#panel tbody th .person"));
        if (last.isEmpty()) {
            return;
        }
        String name = last.get(0).getText();
        String family = name.substring(name.lastIndexOf(' ') + 1);
        browser.findElement(By.id("q")).sendKeys(family);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        check.accept(
                "a search by name goes through the whole panel on the server and finds " + name,
                () -> browser.findElements(By.cssSelector("#panel tbody th .person")).stream()
                        .anyMatch(e -> e.getText().equals(name)));
        accessible(browser, "panel search");
    }

    /** The member's message in their thread on the member page (engagement-service's, through the console). */
    private void readTheMessage(WebDriver browser) {
        if (messageMember == null) {
            return;
        }
        browser.get(console + "/members/" + messageMember);
        check.accept(
                "casey reads the member's message in their thread on the member page",
                () -> browser.findElements(By.id("thread")).stream()
                        .anyMatch(t -> t.getText().contains(messageText)));
        accessible(browser, "member, with messages");
        shoot(browser, "messages");
    }

    /** Swaps an item for an exercise from its list, with a note, and sees the next plan version. */
    private void swap(WebDriver browser, String memberUrl) {
        int before = Integer.parseInt(
                browser.findElement(By.id("plan-version")).getText().trim());
        List<WebElement> forms = browser.findElements(By.cssSelector("form.tailor"));
        boolean swapped = false;
        for (int i = 0; i < forms.size() && i < 4 && !swapped; i++) {
            WebElement form =
                    browser.findElements(By.cssSelector("form.tailor")).get(i);
            Select to = new Select(form.findElement(By.name("to")));
            if (to.getOptions().size() < 2) {
                continue;
            }
            ((JavascriptExecutor) browser).executeScript("arguments[0].closest('details').open = true", form);
            new Select(form.findElement(By.name("type"))).selectByValue("SWAP");
            to.selectByIndex(1);
            form.findElement(By.name("note")).sendKeys("Swapped in the browser check: easier on the knees.");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait(browser).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
            swapped = !browser.findElements(By.cssSelector(".notice.ok")).isEmpty();
            if (!swapped) {
                browser.get(memberUrl);
            }
        }
        boolean done = swapped;
        check.accept(
                "an exercise is swapped with a note and the page shows the new plan version (was " + before + ")",
                () -> done
                        && Integer.parseInt(browser.findElement(By.id("plan-version"))
                                        .getText()
                                        .trim())
                                == before + 1
                        && browser.getPageSource().contains("Swapped in the browser check"));
    }

    /**
     * The review of a member held by a red flag (issue 20), {@link #heldMember}, referred at the first intake
     * for saddle numbness: the page shows the referral and the review form, its red flag unticked; a review
     * with no red flag ticked is refused with the error next to the flags (what was entered kept); with the
     * flag ticked, "Excluded — safe to continue" and a note, it is recorded and the page says the referral is
     * cleared. Its own failures are reported here, so the clinician's other checks still run.
     */
    private void review(WebDriver browser) {
        String note = "Browser check: phoned the member, saddle sensation normal.";
        try {
            browser.get(console + "/members/" + heldMember);
            check.accept(
                    "a member referred at the first intake: the page shows the referral and the review form",
                    () -> browser.findElement(By.id("referral")).getText().contains("Referred at the first intake")
                            && !browser.findElements(By.id("review-form")).isEmpty());
            List<WebElement> flags = browser.findElements(By.cssSelector("#review-flags input[name=redFlagsAssessed]"));
            check.accept(
                    "the review form has an unticked checkbox for SADDLE_NUMBNESS and nothing ticked (" + flags.size()
                            + " red flag" + (flags.size() == 1 ? "" : "s") + ")",
                    () -> flags.stream()
                                    .anyMatch(f -> "checkbox".equals(f.getAttribute("type"))
                                            && "SADDLE_NUMBNESS".equals(f.getAttribute("value")))
                            && flags.stream().noneMatch(WebElement::isSelected));
            accessible(browser, "review");
            ((JavascriptExecutor) browser)
                    .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("hold")));
            shoot(browser, "review");

            // The outcome and the note (the browser requires both), but no red flag ticked: the console refuses it.
            browser.findElement(By.id("outcome-EXCLUDED_SAFE_TO_CONTINUE")).click();
            browser.findElement(By.id("review-note")).sendKeys(note);
            browser.findElement(By.cssSelector("#review-form button[type=submit]"))
                    .click();
            check.accept(
                    "a review with no red flag ticked is refused, the error shown next to the flags",
                    () -> wait(browser)
                                    .ignoring(StaleElementReferenceException.class)
                                    .until(d -> d.findElement(By.id("review-flags-error"))
                                            .getText()
                                            .contains("tick each red flag you assessed"))
                            && browser.findElement(By.id("review-flags"))
                                    .getAttribute("aria-describedby")
                                    .contains("review-flags-error"));
            check.accept(
                    "the refused review keeps what was entered (the outcome, the note) and the member stays held",
                    () -> browser.findElement(By.id("outcome-EXCLUDED_SAFE_TO_CONTINUE"))
                                    .isSelected()
                            && note.equals(
                                    browser.findElement(By.id("review-note")).getAttribute("value"))
                            && !browser.findElements(By.id("referral")).isEmpty());
            accessible(browser, "review with an error");

            for (WebElement flag : browser.findElements(By.cssSelector("#review-flags input[name=redFlagsAssessed]"))) {
                if (!flag.isSelected()) {
                    flag.click();
                }
            }
            WebElement excluded = browser.findElement(By.id("outcome-EXCLUDED_SAFE_TO_CONTINUE"));
            if (!excluded.isSelected()) {
                excluded.click();
            }
            WebElement noteField = browser.findElement(By.id("review-note"));
            if (noteField.getAttribute("value").isBlank()) {
                noteField.sendKeys(note);
            }
            // The answer is a new page: wait for the refused one to go, then read its first notice (the message).
            WebElement refusedPage = browser.findElement(By.tagName("html"));
            browser.findElement(By.cssSelector("#review-form button[type=submit]"))
                    .click();
            wait(browser).until(ExpectedConditions.stalenessOf(refusedPage));
            String done = wait(browser)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> d.findElement(By.cssSelector(".notice")).getText());
            check.accept(
                    "with the red flag ticked, Excluded — safe to continue and a note, the review is recorded and the"
                            + " page says the referral is cleared (" + done + ")",
                    () -> done.trim().equals(REFERRAL_CLEARED)
                            && browser.getCurrentUrl().startsWith(console + "/members/" + heldMember)
                            && browser.findElements(By.id("referral")).isEmpty()
                            && browser.findElements(By.id("review-form")).isEmpty());
        } catch (RuntimeException e) {
            check.accept(
                    "the review form's checks ran to the end (" + e.getClass().getSimpleName() + ": " + firstLine(e)
                            + ")",
                    () -> false);
        }
    }

    /** Acknowledges the first open alert in place (htmx), with a note. */
    private void acknowledge(WebDriver browser) {
        browser.get(console + "/alerts?status=OPEN");
        accessible(browser, "alerts");
        shoot(browser, "alerts");
        List<WebElement> rows = browser.findElements(By.cssSelector("#alerts tbody tr"));
        check.accept("the alert inbox lists open alerts (" + rows.size() + ")", () -> !rows.isEmpty());
        if (rows.isEmpty()) {
            return;
        }
        String id = rows.get(0).getAttribute("id");
        WebElement row = rows.get(0);
        row.findElement(By.name("note")).sendKeys("Called the member; pain settling.");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        // htmx replaces the row: look it up afresh until the new one is there.
        wait(browser)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id)).getText().contains("ACKNOWLEDGED"));
        check.accept(
                "an alert is acknowledged with a note, in place (same page, row updated)",
                () -> browser.getCurrentUrl().contains("/alerts?status=OPEN")
                        && browser.findElement(By.id(id)).getText().contains("Called the member; pain settling."));
    }

    // ---- an editor ----

    private void editor() {
        WebDriver browser = browser();
        try {
            signIn(browser, "eddie");
            check.accept(
                    "eddie signs in and lands on the library",
                    () -> browser.getCurrentUrl().startsWith(console + "/editor"));
            accessible(browser, "editor");
            shoot(browser, "editor");
            Select exercises = new Select(browser.findElement(By.id("slug")));
            String slug = exercises
                    .getOptions()
                    .get(exercises.getOptions().size() / 2)
                    .getAttribute("value");
            browser.get(console + "/editor/exercises/" + slug);
            if (!browser.findElements(By.id("start-draft")).isEmpty()) {
                browser.findElement(By.id("start-draft")).click();
            }
            WebElement steps = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("f-steps")));
            steps.clear();
            browser.findElement(By.cssSelector("#draft-form button[type=submit]"))
                    .click();
            check.accept(
                    "a draft with no step is refused, the error shown next to the field",
                    () -> wait(browser)
                                    .until(d -> !d.findElements(By.id("f-steps-error"))
                                            .isEmpty())
                            && "true"
                                    .equals(browser.findElement(By.id("f-steps"))
                                            .getAttribute("aria-invalid")));
            accessible(browser, "draft with an error");
            browser.get(console + "/editor/exercises/" + slug);
            String marker = "Checked in the browser " + System.currentTimeMillis() + ".";
            WebElement description = browser.findElement(By.id("f-description"));
            String text = description.getAttribute("value");
            description.clear();
            description.sendKeys((text.length() > 900 ? text.substring(0, 900) : text) + " " + marker);
            browser.findElement(By.cssSelector("#draft-form button[type=submit]"))
                    .click();
            check.accept(
                    "the changed draft is saved",
                    () -> wait(browser).until(d -> d.getPageSource().contains("Draft saved.")));
            shoot(browser, "draft");
            browser.findElement(By.id("publish-note")).sendKeys("Clearer description.");
            browser.findElement(By.cssSelector("#publish-form button[type=submit]"))
                    .click();
            // The publish answer is a new page: wait for its notice, not the draft's one being replaced.
            String done = wait(browser)
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        String notice = d.findElement(By.cssSelector(".notice")).getText();
                        return notice.contains("Draft saved.") ? null : notice;
                    });
            check.accept(
                    "the draft is published as the next version (" + done + ")",
                    () -> done.startsWith("Published as version"));
            int version = Integer.parseInt(done.replaceAll("\\D+", ""));
            JsonNode published = get(catalog + "/exercises/" + slug);
            check.accept(
                    "the public catalog serves version " + version + " with the new description",
                    () -> published.path("version").asInt() == version
                            && published.path("description").asText().contains(marker));
            check.accept(
                    "the version history lists it",
                    () -> browser.findElement(By.id("versions")).getText().contains("Clearer description."));
        } catch (RuntimeException e) {
            check.accept(
                    "the editor's checks ran to the end (" + e.getClass().getSimpleName() + ": " + firstLine(e) + ")",
                    () -> false);
        } finally {
            browser.quit();
        }
    }

    // ---- an admin, a member ----

    private void admin() {
        WebDriver browser = browser();
        try {
            signIn(browser, "ada");
            check.accept(
                    "ada signs in and sees the outcomes report (drawn, or shown as suppressed)",
                    () -> browser.getCurrentUrl().startsWith(console + "/admin")
                            && (!browser.findElements(By.cssSelector("#outcomes-chart svg"))
                                            .isEmpty()
                                    || !browser.findElements(By.id("outcomes-suppressed"))
                                            .isEmpty()));
            accessible(browser, "admin");
            shoot(browser, "admin");
            assignByPicking(browser);
            accessAudit(browser);
            privacy(browser);
        } catch (RuntimeException e) {
            check.accept(
                    "the admin's checks ran to the end (" + e.getClass().getSimpleName() + ": " + firstLine(e) + ")",
                    () -> false);
        } finally {
            browser.quit();
        }
    }

    /**
     * Finds maria by name, picks her and casey (with her panel size) from the lists, and assigns: maria is
     * casey's already, so the assignment changes nothing and the banner says it is done.
     */
    private void assignByPicking(WebDriver browser) {
        browser.findElement(By.id("member")).sendKeys("maria");
        browser.findElement(By.cssSelector("#find-member button")).click();
        // The answer is a new page: wait for it (the old one says "Find the member first"), not the old one.
        String answer = wait(browser)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String text =
                            d.findElement(By.cssSelector("#assign fieldset")).getText();
                    return d.getCurrentUrl().contains("member=maria") && !text.contains("Find the member first")
                            ? text
                            : null;
                });
        List<WebElement> found = browser.findElements(By.cssSelector("#assign input[type=radio][name=memberId]"));
        check.accept(
                "the admin finds a member by name (" + found.size() + " found: " + firstLine(answer) + ")",
                () -> !found.isEmpty()
                        && browser.findElement(By.cssSelector("#assign fieldset"))
                                .getText()
                                .contains("Maria"));
        if (found.isEmpty()) {
            return;
        }
        found.get(0).click();
        WebElement casey = browser.findElements(By.cssSelector("#clinicianId option")).stream()
                .filter(o -> o.getText().startsWith("Casey"))
                .findFirst()
                .orElse(null);
        check.accept(
                "the clinicians are listed by name with their panel sizes",
                () -> casey != null && casey.getText().matches("Casey .*: \\d+ members?"));
        if (casey == null) {
            return;
        }
        casey.click();
        accessible(browser, "admin, a member picked");
        browser.findElement(By.cssSelector("#assign button[type=submit]")).click();
        check.accept(
                "assigning by picking the member and the clinician is done",
                () -> browser.findElements(By.cssSelector(".notice.ok")).stream()
                        .anyMatch(e -> e.getText().contains("clinician's panel")));
    }

    /**
     * The access audit (issue 25), from the navigation: casey's reads of the clinician's checks above are listed
     * with her name; filtered by a day that is not one, the error shows next to the field.
     */
    private void accessAudit(WebDriver browser) {
        browser.findElement(By.linkText("Access audit")).click();
        wait(browser).until(d -> d.getCurrentUrl().contains("/admin/audit"));
        boolean listed =
                !browser.findElements(By.cssSelector("#audit tbody tr")).isEmpty()
                        && text(browser, "#audit").contains("Casey");
        check.accept("the access audit lists casey's reads of members' data, by name", () -> listed);
        accessible(browser, "access audit");
        shoot(browser, "audit");
        browser.get(console + "/admin/audit?from=not-a-day");
        check.accept(
                "an audit filter that is not a day is refused next to its field",
                () -> text(browser, "#from-error").contains("yyyy-mm-dd"));
    }

    /**
     * The privacy page (issue 25): a legal hold without a reason is refused next to the field; one with a reason is
     * placed on maria and listed, then released.
     */
    private void privacy(WebDriver browser) {
        browser.get(console + "/admin");
        browser.findElement(By.linkText("Privacy")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("hold-form")));
        accessible(browser, "privacy");
        shoot(browser, "privacy");
        // Placing and releasing a hold in the browser is not checked here yet: the empty reason never reached the
        // server in Chromium (the field's own validation stopped it), and the page's forms are covered by
        // PrivacyPagesTest.
    }

    private void member() {
        WebDriver browser = browser();
        try {
            signIn(browser, "maria");
            check.accept(
                    "a member (maria) is refused the console with a clear page",
                    () -> browser.getPageSource().contains("The Limber console is for care teams")
                            && browser.findElements(By.cssSelector("#panel, #alerts"))
                                    .isEmpty());
            accessible(browser, "refused");
        } catch (RuntimeException e) {
            check.accept(
                    "the member's check ran to the end (" + e.getClass().getSimpleName() + ": " + firstLine(e) + ")",
                    () -> false);
        } finally {
            browser.quit();
        }
    }

    // ---- the browser ----

    private WebDriver browser() {
        Path profile;
        try {
            profile = Files.createTempDirectory("limber-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
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
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    private void signIn(WebDriver browser, String user) {
        browser.get(console + "/");
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait(browser).until(d -> d.getCurrentUrl().startsWith(console));
    }

    /** axe-core (WCAG 2 A and AA rules) finds no serious or critical violation. */
    private void accessible(WebDriver browser, String page) {
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
                "axe-core: no serious or critical accessibility violation on the " + page + " page"
                        + (bad.isEmpty() ? "" : ": " + named),
                bad::isEmpty);
    }

    private void shoot(WebDriver browser, String name) {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(Throwable e) {
        return firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        String m = String.valueOf(text);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The rows of the member page's weekly figures: one a week from the program's first week, at most 12. */
    static int weekRows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#weeks tbody tr")).size();
    }
}
