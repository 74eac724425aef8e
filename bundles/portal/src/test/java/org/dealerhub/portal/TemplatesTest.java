package org.dealerhub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Counters;
import org.dealerhub.api.CreditStatus;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.RunningBill;
import org.dealerhub.api.StockLocation;
import org.junit.jupiter.api.Test;

import freemarker.ext.beans.ResourceBundleModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;

class TemplatesTest {

    private final Configuration templates = PortalServlet.templates();

    private String render(String template, String lang, Map<String, Object> model) throws Exception {
        ResourceBundle messages = PortalServlet.messages(lang);
        model.put("lang", lang);
        model.put("languages", Languages.CODES);
        model.put("m", new ResourceBundleModel(messages, (DefaultObjectWrapper) templates.getObjectWrapper()));
        model.put("fmt", new Formats(Languages.locale(lang), ZoneId.of("Europe/Oslo")));
        model.put("base", "/portal");
        model.put("here", "/o/1/devices/1");
        model.put("csrf", "TOKEN");
        model.put("user", "fjordvik-devices");
        model.put("dealer", false);
        model.put("portalRole", "DEVICE_MANAGER");
        model.put("seesDevices", true);
        model.put("managesUsers", false);
        model.put("managesStock", false);
        model.put("navOrg", 1L);
        StringWriter out = new StringWriter();
        templates.getTemplate(template + ".ftlh").process(model, out);
        return out.toString();
    }

    /** PORTAL-METER-1: the refusal stands next to the counter, which points at it for screen readers. */
    @Test
    void PORTAL_METER_1_theRefusalIsShownNextToTheField() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("org", new Organisation(1, "Fjordvik <Eiendom> AS", "10001", "S-10001", "NO", 0));
        model.put("orgBase", "/o/1");
        model.put("device", new Device(1, 1, "canon", "iR C3226", null, DeviceFormat.A4_COLOUR, "SN-1", null, null,
                false, 0));
        model.put("readings", List.of(new MeterReading(1, LocalDate.of(2026, 11, 2), new Counters(1200, 2, 3, 4, 5, 6),
                Instant.parse("2026-11-02T10:00:00Z"), "fjordvik-devices")));
        model.put("counterNames", List.of(Counters.NAMES));
        model.put("today", "2026-11-29");
        model.put("mayRead", true);
        model.put("accepted", false);
        model.put("entered", Map.of("date", "2026-11-29", "monoA4", "10"));
        model.put("refusedField", "monoA4");
        model.put("refusedText", "Avvist: telleren er lavere (PORTAL-METER-1)");
        String html = render("device", "nb", model);
        assertTrue(html.contains("<html lang=\"nb\">"), html);
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"err-monoA4\""), html);
        assertTrue(html.contains("<p class=\"error\" id=\"err-monoA4\" role=\"alert\">Avvist: telleren er lavere"
                + " (PORTAL-METER-1)</p>"), html);
        assertTrue(html.contains("Fjordvik &lt;Eiendom&gt; AS"), "escaped: " + html);
        // PORTAL-ACCT-1: both account numbers
        assertTrue(html.contains("<b>10001</b>") && html.contains("<b>S-10001</b>"), html);
        // PORTAL-METER-3: the accepted reading in the history, in the user's locale
        assertTrue(html.contains("2. nov. 2026") && html.contains("1\u00a0200"), html);
        assertTrue(html.contains("name=\"csrf\" value=\"TOKEN\""), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void everyLanguageHasEveryMessage() {
        Set<String> english = new TreeSet<>(Collections.list(PortalServlet.messages("en").getKeys()));
        for (String lang : Languages.CODES) {
            ResourceBundle bundle = PortalServlet.messages(lang);
            assertEquals(lang, bundle.getLocale().getLanguage());
            assertEquals(english, new TreeSet<>(Collections.list(bundle.getKeys())), lang);
        }
    }

    @Test
    void theLoginPageRendersInEachLanguage() throws Exception {
        for (String lang : Languages.CODES) {
            Map<String, Object> model = new HashMap<>();
            model.remove("user");
            String html = render("login", lang, model);
            assertTrue(html.contains("<label for=\"username\">"), html);
            assertTrue(html.contains("lang=\"" + lang + "\""), html);
        }
    }

    private static final Organisation FJORDVIK = new Organisation(1, "Fjordvik Eiendom AS", "10001", "S-10001", "NO", 0);

    /** BILL-ALLOW-1: each allowance with used, limit, forecast and its amount, the alerts with their rule, in nb. */
    @Test
    void BILL_ALLOW_1_theRunningBillShowsAllowancesAndAlertsInTheUsersLocale() throws Exception {
        Currency nok = Currency.getInstance("NOK");
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Invoice invoice = new Invoice(0, 0, 7, 1, "canon", "NO", new Invoice.Party("Dealer", "1"),
                new Invoice.Party("Fjordvik", "10001"), nok, from, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 29),
                Instant.parse("2026-11-29T10:00:00Z"), new BigDecimal("1234.50"), new BigDecimal("0.25"),
                new BigDecimal("308.63"), new BigDecimal("1543.13"), List.of(new Invoice.Line(1, "k", 1L, "colour-a4",
                        new BigDecimal("2469"), new BigDecimal("0.50"), new BigDecimal("1234.50"), BigDecimal.ZERO,
                        new BigDecimal("1234.50"), from, LocalDate.of(2026, 11, 29), "CANON-VOL-1", "Colour <A4>")));
        RunningBill bill = new RunningBill(7, 1, "canon", LocalDate.of(2026, 11, 29), nok,
                new BillingRun.Outcome(7, BillingRun.Outcome.Status.INVOICED, invoice, null, null, List.of()),
                List.of(new RunningBill.Allowance("cap", "Colour cap", 1L, "CAP", "A4", from, to, 12000, 11000,
                        LocalDate.of(2026, 11, 28), new BigDecimal("40"), 12320, 320, "colour-a4",
                        new BigDecimal("0.50"), new BigDecimal("160.00"), 91, "CANON-VOL-2")),
                List.of(new RunningBill.Alert("cap", 1L, "FORECAST_OVERRUN", "12 320 forecast of 12 000", "CANON-VOL-2")));
        Map<String, Object> model = new HashMap<>();
        model.put("org", FJORDVIK);
        model.put("orgBase", "/o/1");
        model.put("bill", bill);
        model.put("contracts", List.of());
        String html = render("running-bill", "nb", model);
        assertTrue(html.contains("<td class=\"num\">11\u00a0000</td>") && html.contains("12\u00a0320"), html);
        assertTrue(html.contains("kr\u00a0160,00") && html.contains("kr\u00a01\u00a0543,13"), html);
        assertTrue(html.contains("Prognose: overskrides</strong>: 12 320 forecast of 12 000 <span class=\"rule\">"
                + "(CANON-VOL-2)</span>"), html);
        assertTrue(html.contains("Colour &lt;A4&gt;"), html);
        assertTrue(html.contains("2\u00a0469"), html);
    }

    /** PORTAL-ROLE-3: a refused level stands next to its field, with what was entered; the version travels along. */
    @Test
    void PORTAL_ROLE_3_aRefusedStockLevelIsShownNextToItsField() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("org", FJORDVIK);
        model.put("orgBase", "/o/1");
        model.put("managesStock", true);
        model.put("locations", List.of(new StockLocation(3, 1, "Copy room", null, Map.of("toner-black", 2),
                Instant.parse("2026-11-29T10:00:00Z"), "staff", 4)));
        model.put("deviceNames", Map.of("3", "canon iR · SN-3"));
        model.put("editedDevice", "3");
        model.put("entered", Map.of("name", "Copy room", "level.toner-black", "-1"));
        model.put("saved", "");
        model.put("refusedField", "level.toner-black");
        model.put("refusedText", "Skriv et heltall");
        String html = render("stock", "nb", model);
        assertTrue(html.contains("name=\"version\" value=\"4\""), html);
        assertTrue(html.contains("value=\"-1\" aria-invalid=\"true\" aria-describedby=\"err-level.toner-black\""),
                html);
        assertTrue(html.contains("<p class=\"error\" id=\"err-level.toner-black\" role=\"alert\">Skriv et heltall"),
                html);
    }

    /** PORTAL-ROLE-4: an article's plain-text body is escaped, its paragraphs kept. */
    @Test
    void PORTAL_ROLE_4_anArticleBodyIsEscapedPlainText() throws Exception {
        String body = "Open the <b>front</b> door.\r\n\r\nPull the\ntoner out.\n\n\n<script>x()</script>";
        Map<String, Object> model = new HashMap<>();
        model.put("article", new KnowledgeArticle(1, "Toner & drums", body, "en", List.of("canon"),
                Instant.EPOCH, "staff", Instant.EPOCH, "staff", 0));
        model.put("paragraphs", PortalServlet.paragraphs(body));
        assertEquals(3, PortalServlet.paragraphs(body).size());
        String html = render("article", "en", model);
        assertTrue(html.contains("<p class=\"text\">Open the &lt;b&gt;front&lt;/b&gt; door.</p>"), html);
        assertTrue(html.contains("<p class=\"text\">Pull the\ntoner out.</p>"), html);
        assertTrue(html.contains("Toner &amp; drums") && !html.contains("<script"), html);
    }

    /** PORTAL-SYNC-1: the account page of an organisation never invoiced, with a debt hold (KMUA-DEBT-1). */
    @Test
    void PORTAL_SYNC_1_theAccountPageShowsCreditStatusWithoutInvoices() throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("org", FJORDVIK);
        model.put("orgBase", "/o/1");
        model.put("credit", new CreditStatus(1, List.of(), null, List.of(9L)));
        model.put("payments", List.of());
        model.put("serviceHistory", List.of());
        String html = render("account", "da", model);
        assertTrue(html.contains("<a href=\"/portal/o/1/orders/9\">#9</a> (KMUA-DEBT-1)"), html);
        assertTrue(html.contains("<h1>Konto</h1>") && !html.contains("<table"), html);
        assertTrue(html.contains("<dd>–</dd>"), "no invoice issued yet: " + html);
    }
}
