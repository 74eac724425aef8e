package org.dealerhub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
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
}
