package io.taskforge.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskforge.support.Browser;
import io.taskforge.support.ExecutionIntegrationTest;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against a running engine: tasks
 * submitted through the API show up and move without a reload, and cancel and retry work from the
 * page. Every step fails on any error in the page's console and leaves a screenshot under
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT extends ExecutionIntegrationTest {

    private static final String TASKS = "/api/v1/tasks";

    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void pageWroteNoErrors(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        assertThat(browser.consoleErrors()).as("errors in the page's console").isEmpty();
    }

    @Test
    @Order(1)
    void asks_for_a_key_once_and_keeps_it_for_the_session() {
        browser.open(dashboard());
        browser.awaitShown("#key-input").sendKeys("not-a-key");
        browser.find("#key-submit").click();
        assertThat(browser.awaitShown("#key-error").getText()).contains("refused");
        assertThat(browser.find("#dashboard").isDisplayed())
                .as("nothing shown before a key")
                .isFalse();
        browser.screenshot("key-dialog");
        // the refused key's 401 is the one failed load this page may log
        browser.consoleErrors();

        signIn(OPERATOR_KEY);
        browser.open(dashboard());

        awaitLive();
        assertThat(browser.find("#key-dialog").isDisplayed()).isFalse();
        assertThat(browser.find("#caller").getText()).isEqualTo("operator");
    }

    @Test
    @Order(2)
    void a_submitted_task_appears_without_a_reload_and_its_progress_bar_moves() {
        markPage();
        String id = submit(Map.of(
                "type", "sleep",
                "category", "RENDER",
                "description", "Render the launch trailer",
                "input", Map.of("millis", 6000, "steps", 12)));

        String row = "#active .row[data-task-id='" + id + "']";
        browser.awaitShown(row);
        int first = browser.await("progress reported", page -> progressOf(row) > 0 ? progressOf(row) : null);
        browser.await("progress moved on from " + first, page -> progressOf(row) > first);

        assertThat(browser.find(row + " .progress-bar").getDomAttribute("style"))
                .contains("width");
        assertThat(browser.find(row + " [data-field=clock]").getText()).startsWith("running ");
        assertThat(pageStillMarked()).as("the page was not reloaded").isTrue();
    }

    @Test
    @Order(3)
    void cancel_from_the_page_cancels_the_task() {
        markPage();
        String id = submit(
                Map.of("type", "sleep", "description", "Rebuild the search index", "input", Map.of("millis", 20000)));
        String row = "#active .row[data-task-id='" + id + "']";
        browser.awaitShown(row + " [data-field=status] .status-running");

        browser.click(row + " [data-action=cancel]");

        browser.await("cancelled task leaves the active list", page -> browser.all(row)
                .isEmpty());
        assertThat(operator().get(TASKS + "/" + id).text("status")).isEqualTo("cancelled");
        assertThat(pageStillMarked()).isTrue();
    }

    @Test
    @Order(4)
    void a_failed_task_shows_up_and_retry_from_the_page_runs_it_again() {
        markPage();
        String id = submit(declinedPayment());
        String row = "#dlq .row[data-task-id='" + id + "']";
        browser.awaitShown(row);
        assertThat(browser.find(row + " [data-field=error-type]").getText()).isEqualTo("card_declined");
        assertThat(browser.find(row + " [data-field=severity]").getText()).isEqualTo("critical");

        browser.click(row);
        browser.click("#detail [data-tab=timeline]");
        browser.awaitShown("#timeline [data-event=moved_to_dlq]");
        assertThat(eventsShown()).startsWith("task_created").contains("attempt_failed", "task_failed");
        assertThat(browser.find("#timeline [data-event=attempt_failed]").getDomAttribute("class"))
                .contains("severity-error");
        browser.click("#detail [data-tab=payment]");
        assertThat(browser.awaitShown("#detail-body .amount").getText()).isEqualTo("$250.00");
        assertThat(browser.find("#detail-body .facts").getText()).contains("payment", "order-1041", "payments");
        browser.screenshot("payment-tab");
        browser.click("#detail [data-tab=timeline]");
        browser.awaitShown("#timeline [data-event=moved_to_dlq]");

        browser.click("#detail-actions [data-action=retry]");
        WebElement input = browser.awaitShown("#retry-input");
        browser.await("the task's input in the dialog", page -> input.getDomProperty("value")
                .contains("card_declined"));
        input.clear();
        input.sendKeys("{\"error_type\": \"card_declined\", \"times\": 0}");
        browser.find("#retry-reason").sendKeys("the customer replaced the card");
        browser.screenshot("retry-dialog");
        browser.find("#retry-submit").click();

        browser.await("the retried task completes on the timeline", page -> eventsShown()
                .contains("task_completed"));
        browser.await(
                "the dead letter leaves the list", page -> browser.all(row).isEmpty());
        var task = operator().get(TASKS + "/" + id).body();
        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("input").path("times").asInt()).isZero();
        assertThat(eventsShown()).contains("retry_requested");
        assertThat(pageStillMarked()).isTrue();
        browser.click("#detail-close");
    }

    @Test
    @Order(5)
    void the_dashboard_with_live_tasks_on_a_laptop_and_a_phone() {
        for (String category : List.of("API", "RENDER", "BACKGROUND", "API", "SYSTEM", "API")) {
            submit(Map.of("type", "noop", "category", category));
        }
        submit(Map.of(
                "type",
                "fail",
                "category",
                "API",
                "description",
                "Sync the CRM contacts",
                "provider",
                "crm",
                "input",
                Map.of("error_type", "rate_limit", "message", "429 from the CRM: slow down", "retryable", false)));
        submit(declinedPayment());
        List<String> running = List.of(
                submit(sleep(
                        "Render the product tour: 48 scenes in 4K for the launch site, captioned in English,"
                                + " German, French and Japanese",
                        "RENDER",
                        12000)),
                submit(sleep("Transcode the keynote video", "RENDER", 16000)),
                submit(sleep("Nightly ledger reconciliation", "BACKGROUND", 20000)));
        String throttled = submit(Map.of(
                "type",
                "fail",
                "category",
                "API",
                "description",
                "Import the partner catalogue",
                "input",
                Map.of("error_type", "rate_limit", "message", "429 from the partner API", "retryable", true),
                "retry",
                Map.of("max_attempts", 3, "base_delay_ms", 60000, "max_delay_ms", 60000, "jitter", 0)));
        browser.awaitShown("#active .row[data-task-id='" + throttled + "'] .status-retry_scheduled");
        String lastRow = "#active .row[data-task-id='" + running.getLast() + "']";
        browser.awaitShown(lastRow);
        browser.await("progress on every running task", page -> running.stream()
                .allMatch(id -> progressOf("#active .row[data-task-id='" + id + "']") >= 10));
        browser.await("finished tasks on the throughput chart", page -> !browser.all("#throughput-chart rect")
                .isEmpty());

        browser.fullPageScreenshot("dashboard");
        browser.click(lastRow);
        browser.click("#detail [data-tab=timeline]");
        browser.awaitShown("#timeline [data-event=task_progressed]");
        browser.screenshot("dashboard-detail");
        browser.click("#detail-close");
        browser.viewport(390, 844, true);
        browser.await("the phone layout", page -> browser.find("main").getSize().getWidth() <= 390);
        assertThat(browser.script("const width = document.documentElement.clientWidth;"
                        + " return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > width + 1)"
                        + ".map(e => e.tagName + '.' + e.className)"))
                .as("elements wider than a phone's screen")
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .isEmpty();
        browser.fullPageScreenshot("dashboard-phone");
        browser.viewport(1440, 960, false);

        running.forEach(id -> operator().post(TASKS + "/" + id + "/cancel"));
        operator().post(TASKS + "/" + throttled + "/cancel");
    }

    @Test
    @Order(6)
    void a_viewer_key_sees_no_cancel_or_retry_buttons() {
        String waiting = submit(sleep("Export the audit log", "BACKGROUND", 20000));
        String failed = submit(declinedPayment());
        await().atMost(FINISH).until(() -> operator()
                .get("/api/v1/failed-tasks?status=pending")
                .body()
                .path("tasks")
                .findValuesAsText("task_id")
                .contains(failed));
        browser.script("sessionStorage.clear()");
        browser.open(dashboard());
        browser.awaitShown("#key-input");

        signIn(VIEWER_KEY);

        awaitLive();
        browser.awaitShown("#active .row[data-task-id='" + waiting + "']");
        browser.awaitShown("#dlq .row[data-task-id='" + failed + "']");
        assertThat(browser.find("#caller").getText()).isEqualTo("viewer · read only");
        assertThat(browser.all("[data-action=cancel]")).isEmpty();
        assertThat(browser.all("[data-action=retry]")).isEmpty();
        browser.click("#dlq .row[data-task-id='" + failed + "']");
        assertThat(browser.awaitShown("#detail-body .facts").getText()).contains("card_declined", "1 of 3");
        assertThat(browser.all("#detail-actions button")).isEmpty();

        operator().post(TASKS + "/" + waiting + "/cancel");
    }

    private String dashboard() {
        return "http://127.0.0.1:" + port + "/dashboard";
    }

    private void signIn(String key) {
        WebElement field = browser.awaitShown("#key-input");
        field.clear();
        field.sendKeys(key);
        browser.find("#key-submit").click();
        browser.awaitShown("#dashboard");
    }

    private void awaitLive() {
        browser.await("the live feed connected", page -> "on"
                .equals(browser.find("#live").getDomAttribute("data-state")));
    }

    /** Leaves a mark in the page that a reload would wipe out. */
    private void markPage() {
        browser.script("window.taskforgeTestMark = true");
    }

    private boolean pageStillMarked() {
        return Boolean.TRUE.equals(browser.script("return window.taskforgeTestMark === true"));
    }

    private int progressOf(String row) {
        List<WebElement> progress = browser.driver().findElements(By.cssSelector(row + " .progress"));
        return progress.isEmpty() ? -1 : Integer.parseInt(progress.getFirst().getDomAttribute("data-progress"));
    }

    private List<String> eventsShown() {
        return browser.all("#timeline .event").stream()
                .map(event -> event.getDomAttribute("data-event"))
                .toList();
    }

    private static Map<String, Object> sleep(String description, String category, int millis) {
        return Map.of(
                "type",
                "sleep",
                "category",
                category,
                "description",
                description,
                "input",
                Map.of("millis", millis, "steps", millis / 500));
    }

    private static Map<String, Object> declinedPayment() {
        return Map.of(
                "type",
                "fail",
                "category",
                "API",
                "description",
                "Charge order 1041",
                "provider",
                "payments",
                "input",
                Map.of("error_type", "card_declined", "message", "the card was declined", "retryable", false),
                "metadata",
                Map.of("amount", 250, "currency", "USD", "kind", "payment", "order", "order-1041"));
    }
}
