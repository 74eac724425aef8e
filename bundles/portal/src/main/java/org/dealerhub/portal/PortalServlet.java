package org.dealerhub.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.Market;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.RunningBill;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.StockLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import freemarker.ext.beans.ResourceBundleModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The portal's pages: server-rendered with FreeMarker ({@code .ftlh}, HTML-escaped), one session per logged-in
 * user (cookie HttpOnly, SameSite=Lax, Secure over HTTPS; a new session id at login), a CSRF token on every form
 * POST, a Content-Security-Policy without inline scripts. A session ends at the first request after its user was
 * removed or its password or role changed. Every page under {@code /o/{organisation}} first asks the
 * core for that organisation as the user: one it does not see answers 404, as do its records under another one's
 * address.
 */
final class PortalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalServlet.class);

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    private static final String CALLER = "dealerhub.caller";
    /** What the login was checked against ({@link org.dealerhub.api.Authentication#stamp}): rechecked per request. */
    private static final String STAMP = "dealerhub.stamp";
    /** A logged-in session ends after this long without a request. */
    static final int SESSION_IDLE_SECONDS = 30 * 60;
    private static final String TOKEN = "dealerhub.csrf";
    private static final Pattern ORG = Pattern.compile("/o/(\\d{1,18})(/.*)?");
    private static final Pattern ID = Pattern.compile("/(\\d{1,18})(/[a-z-]+|\\.pdf|\\.xml)?");
    private static final Pattern RESET = Pattern.compile("/password-reset/([A-Za-z0-9_-]{16,200})");

    private final transient Portal.Services core;
    private final transient Configuration templates;
    private final transient DefaultObjectWrapper wrapper;

    PortalServlet(Portal.Services core) {
        this.core = core;
        this.templates = templates();
        this.wrapper = (DefaultObjectWrapper) templates.getObjectWrapper();
    }

    /** The templates of the bundle: {@code .ftlh}, so every interpolation is HTML-escaped. */
    static Configuration templates() {
        Configuration templates = new Configuration(Configuration.VERSION_2_3_33);
        templates.setClassLoaderForTemplateLoading(PortalServlet.class.getClassLoader(),
                "org/dealerhub/portal/templates");
        templates.setDefaultEncoding("UTF-8");
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
        templates.setFallbackOnNullLoopVariable(false);
        templates.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
        return templates;
    }

    /** The messages of a language ({@link Languages#CODES}), without falling back to the JVM's locale. */
    static ResourceBundle messages(String lang) {
        return ResourceBundle.getBundle("org.dealerhub.portal.messages", Locale.forLanguageTag(lang),
                PortalServlet.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** One request: who asks, in which language, and the page's model. */
    private final class Page {
        final HttpServletRequest req;
        final HttpServletResponse resp;
        final String lang;
        final ResourceBundle messages;
        final Map<String, Object> model = new HashMap<>();
        Caller caller;
        Formats fmt;

        Page(HttpServletRequest req, HttpServletResponse resp) {
            this.req = req;
            this.resp = resp;
            this.lang = Languages.choose(cookie(req, Languages.COOKIE), Collections.list(req.getLocales()));
            this.messages = messages(lang);
            this.fmt = new Formats(Languages.locale(lang), ZoneId.of("Europe/Oslo"));
        }

        String text(String key) {
            return messages.containsKey(key) ? messages.getString(key) : key;
        }

        void render(int status, String template) throws IOException {
            HttpSession session = req.getSession(false);
            model.put("lang", lang);
            model.put("languages", Languages.CODES);
            model.put("m", new ResourceBundleModel(messages, wrapper));
            model.put("fmt", fmt);
            model.put("base", req.getContextPath() + Portal.ALIAS);
            model.put("here", req.getPathInfo() == null ? "/" : req.getPathInfo());
            model.put("csrf", session == null ? "" : session.getAttribute(TOKEN));
            if (model.get("problem") instanceof String problem) {
                model.put("problemText", text(problem));
            }
            if (model.get("refusedField") != null) {
                String rule = (String) model.get("refusedRule");
                model.put("refusedText", rule != null && messages.containsKey("rule." + rule)
                        ? text("rule." + rule) + " (" + rule + ")" : model.get("refusedMessage"));
            }
            if (caller != null) {
                model.put("user", caller.user());
                model.put("dealer", caller.isDealer());
                model.put("portalRole", caller.portalRole() == null ? "" : caller.portalRole().name());
                model.put("seesDevices", seesDevices(caller));
                model.put("managesUsers", caller.isDealer() || caller.portalRole() == PortalRole.ADMINISTRATOR);
                model.put("navOrg", model.get("org") instanceof Organisation o ? o.id()
                        : caller.organisationId().orElse(null));
                model.put("managesStock", caller.isDealer() || caller.portalRole() == PortalRole.ADMINISTRATOR
                        || caller.portalRole().managesStock());
            }
            resp.setStatus(status);
            resp.setContentType("text/html;charset=UTF-8");
            hardenCookies(req, resp);
            try (Writer out = resp.getWriter()) {
                templates.getTemplate(template + ".ftlh").process(model, out);
            } catch (TemplateException e) {
                throw new IOException("template " + template + " failed", e);
            }
        }

        void redirect(String path) throws IOException {
            hardenCookies(req, resp);
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", req.getContextPath() + Portal.ALIAS + path);
        }

        String param(String name) {
            String value = req.getParameter(name);
            return value == null ? "" : value.trim();
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Cache-Control", "no-store");
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        if (path.equals("/static/portal.css") && method.equals("GET")) {
            css(resp);
            return;
        }
        Page page = new Page(req, resp);
        try {
            if (!method.equals("GET") && !method.equals("POST")) {
                resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            boolean post = method.equals("POST");
            if (post && !csrfOk(req)) {
                page.model.put("problem", "error.csrf");
                page.render(HttpServletResponse.SC_FORBIDDEN, "error");
                return;
            }
            if (path.equals("/language") && !post) {
                language(page);
                return;
            }
            if (path.equals("/login")) {
                if (post) {
                    login(page);
                } else {
                    session(req);
                    if (req.getParameter("ended") != null) {
                        page.model.put("notice", "login.ended");
                    }
                    page.render(200, "login");
                }
                return;
            }
            if (path.equals("/password-reset")) {
                session(req);
                if (post) {
                    core.users().requestPasswordReset(page.param("email"));
                    page.model.put("sent", true);
                }
                page.render(200, "reset-request");
                return;
            }
            Matcher reset = RESET.matcher(path);
            if (reset.matches()) {
                session(req);
                resetPassword(page, reset.group(1), post);
                return;
            }
            HttpSession session = req.getSession(false);
            page.caller = session == null ? null : (Caller) session.getAttribute(CALLER);
            if (page.caller == null) {
                page.redirect("/login");
                return;
            }
            if (!core.authentication().stamp(page.caller.user()).equals(session.getAttribute(STAMP))) {
                // removed, or its password or role changed since the login: the session ends at once
                session.invalidate();
                page.redirect("/login?ended");
                return;
            }
            if (path.equals("/logout") && post) {
                session.invalidate();
                page.redirect("/login");
                return;
            }
            if (!post && (path.equals("/") || path.isEmpty())) {
                home(page);
                return;
            }
            if (!post && path.equals("/organisations")) {
                organisations(page);
                return;
            }
            if (!post && path.equals("/services")) {
                page.render(200, "services");
                return;
            }
            if (!post && path.equals("/knowledge")) {
                knowledge(page);
                return;
            }
            Matcher article = ID.matcher(path.startsWith("/knowledge/") ? path.substring("/knowledge".length()) : "");
            if (!post && article.matches() && article.group(2) == null) {
                article(page, Long.parseLong(article.group(1)));
                return;
            }
            Matcher org = ORG.matcher(path);
            if (org.matches()) {
                organisationPage(page, Long.parseLong(org.group(1)), org.group(2) == null ? "" : org.group(2), post);
                return;
            }
            notFound(page);
        } catch (DomainException e) {
            // what the user may not see is simply not there; a refusal names its rule
            page.model.put("problem", switch (e.kind()) {
                case NOT_FOUND -> "error.notFound";
                case FORBIDDEN -> "error.forbidden";
                case PRECONDITION_FAILED, CONFLICT -> "error.conflict";
                case VENDOR_FAILED, VENDOR_UNAVAILABLE -> "error.unavailable";
                default -> e.getMessage();
            });
            page.model.put("rule", e.rule());
            page.render(switch (e.kind()) {
                case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
                case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
                case PRECONDITION_FAILED, CONFLICT -> HttpServletResponse.SC_CONFLICT;
                case VENDOR_FAILED, VENDOR_UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                default -> 422;
            }, "error");
        } catch (Authentication.Throttled e) {
            resp.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            page.model.put("error", "login.throttled");
            page.model.put("retryAfter", e.retryAfter().toSeconds());
            page.render(429, "login");
        } catch (RuntimeException | IOException e) {
            LOG.error("portal page {} {} failed", method, path, e);
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setHeader("Content-Security-Policy", CSP);
                page.model.put("problem", "error.internal");
                page.render(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error");
            }
        }
    }

    // --- session, login, language --------------------------------------------------------------------------------

    /** The session, created with its CSRF token when there is none yet (the login form needs the token). */
    private static HttpSession session(HttpServletRequest req) {
        HttpSession session = req.getSession(true);
        if (session.getAttribute(TOKEN) == null) {
            session.setAttribute(TOKEN, Csrf.newToken());
        }
        return session;
    }

    private static boolean csrfOk(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        return session != null && Csrf.matches((String) session.getAttribute(TOKEN), req.getParameter(Csrf.FIELD));
    }

    private void login(Page page) throws IOException {
        String user = page.param("username");
        Optional<Caller> caller;
        // taken before the login, so a change during it ends the session at its first request
        String stamp = core.authentication().stamp(user);
        try {
            // the core's login: the JAAS realm, its roles, and the throttling of failed logins
            caller = core.authentication().authenticate(user, page.req.getParameter("password"),
                    page.req.getRemoteAddr());
        } catch (DomainException refused) {
            caller = Optional.empty();
        }
        if (caller.isEmpty()) {
            page.model.put("error", "login.failed");
            page.model.put("username", user);
            page.render(HttpServletResponse.SC_UNAUTHORIZED, "login");
            return;
        }
        // a fresh session id at login (no session fixation), and a fresh CSRF token with it
        page.req.changeSessionId();
        HttpSession session = page.req.getSession(false);
        session.setMaxInactiveInterval(SESSION_IDLE_SECONDS);
        session.setAttribute(TOKEN, Csrf.newToken());
        session.setAttribute(CALLER, caller.get());
        session.setAttribute(STAMP, stamp);
        page.redirect("/");
    }

    private void language(Page page) throws IOException {
        String code = Languages.code(page.param("lang")).orElse("en");
        page.resp.addHeader("Set-Cookie", Languages.COOKIE + "=" + code + "; Path=" + Portal.ALIAS
                + "; Max-Age=31536000; SameSite=Lax" + (page.req.isSecure() ? "; Secure" : ""));
        String to = page.param("to");
        // only a page of the portal: never an open redirect
        page.redirect(to.matches("/[A-Za-z0-9/._-]*") && !to.startsWith("//") ? to : "/");
    }

    private void resetPassword(Page page, String token, boolean post) throws IOException {
        page.model.put("token", token);
        if (post) {
            String password = page.req.getParameter("password");
            if (password == null || !password.equals(page.req.getParameter("repeat"))) {
                page.model.put("error", "reset.mismatch");
                page.render(422, "reset");
                return;
            }
            try {
                core.users().resetPassword(token, password);
            } catch (DomainException e) {
                page.model.put("error", e.kind() == DomainException.Kind.NOT_FOUND ? "reset.unknown" : "reset.invalid");
                page.render(e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 422, "reset");
                return;
            }
            page.model.put("done", true);
        }
        page.render(200, "reset");
    }

    /** The adding of SameSite=Lax, HttpOnly and (over HTTPS) Secure to every cookie the container set. */
    static void hardenCookies(HttpServletRequest req, HttpServletResponse resp) {
        List<String> cookies = new ArrayList<>(resp.getHeaders("Set-Cookie"));
        for (int i = 0; i < cookies.size(); i++) {
            String hardened = harden(cookies.get(i), req.isSecure());
            if (i == 0) {
                resp.setHeader("Set-Cookie", hardened);
            } else {
                resp.addHeader("Set-Cookie", hardened);
            }
        }
    }

    static String harden(String cookie, boolean secure) {
        String lower = cookie.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(cookie);
        if (!lower.contains("httponly")) {
            sb.append("; HttpOnly");
        }
        if (!lower.contains("samesite")) {
            sb.append("; SameSite=Lax");
        }
        if (secure && !lower.contains("; secure")) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    private static String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> c.getName().equals(name))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private void css(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/css;charset=UTF-8");
        resp.setHeader("Cache-Control", "max-age=3600");
        try (InputStream in = PortalServlet.class.getResourceAsStream("static/portal.css")) {
            in.transferTo(resp.getOutputStream());
        }
    }

    private void notFound(Page page) throws IOException {
        page.model.putIfAbsent("problem", "error.notFound");
        page.render(HttpServletResponse.SC_NOT_FOUND, "error");
    }

    // --- pages ---------------------------------------------------------------------------------------------------

    private void home(Page page) throws IOException {
        Caller c = page.caller;
        if (c.isDealer()) {
            page.redirect("/organisations");
        } else if (seesDevices(c)) {
            page.redirect("/o/" + c.organisationId().orElseThrow() + "/devices");
        } else {
            page.redirect("/services");
        }
    }

    private static boolean seesDevices(Caller c) {
        return c.isDealer() || c.portalRole() == PortalRole.ADMINISTRATOR || c.portalRole().managesDevices();
    }

    private void organisations(Page page) throws IOException {
        if (!page.caller.isDealer()) {
            home(page);
            return;
        }
        page.model.put("organisations", core.organisations().list(page.caller));
        page.render(200, "organisations");
    }

    private void organisationPage(Page page, long orgId, String rest, boolean post) throws IOException {
        String prefix = "/o/" + orgId;
        page.model.put("orgBase", prefix);
        if (rest.equals("/stock") || rest.startsWith("/stock/")) {
            stockPage(page, orgId, rest, post);
            return;
        }
        Organisation org = organisation(page, orgId);
        if (rest.equals("/devices") && !post) {
            devices(page, org);
        } else if (rest.startsWith("/devices/")) {
            Matcher m = ID.matcher(rest.substring("/devices".length()));
            if (!m.matches() || (m.group(2) != null && !(post && m.group(2).equals("/readings")))
                    || (m.group(2) == null && post)) {
                notFound(page);
                return;
            }
            Device device = core.devices().get(page.caller, Long.parseLong(m.group(1)));
            requireSame(org, device.organisationId(), "device", device.id());
            if (post) {
                submitReading(page, org, device);
            } else {
                device(page, org, device, null, null);
            }
        } else if (rest.equals("/orders")) {
            if (post) {
                registerOrder(page, org);
            } else {
                orders(page, org, null);
            }
        } else if (rest.startsWith("/orders/")) {
            Matcher m = ID.matcher(rest.substring("/orders".length()));
            if (!m.matches() || (m.group(2) != null && !(post && m.group(2).equals("/transition")))
                    || (m.group(2) == null && post)) {
                notFound(page);
                return;
            }
            ServiceOrder order = core.orders().get(page.caller, Long.parseLong(m.group(1)));
            requireSame(org, order.organisationId(), "order", order.id());
            if (post) {
                ServiceOrder.Transition t = new ServiceOrder.Transition(
                        OrderState.valueOf(page.param("to")), page.param("reason"), null);
                core.orders().transition(page.caller, order.id(), Long.parseLong(page.param("version")), t);
                page.redirect(prefix + "/orders/" + order.id());
            } else {
                order(page, order);
            }
        } else if (rest.equals("/invoices") && !post) {
            page.model.put("invoices", core.billing().invoices(page.caller, org.id(), null, null, 0, 500));
            page.render(200, "invoices");
        } else if (rest.startsWith("/invoices/") && !post) {
            Matcher m = ID.matcher(rest.substring("/invoices".length()));
            if (!m.matches() || m.group(2) == null || m.group(2).startsWith("/")) {
                notFound(page);
                return;
            }
            Invoice invoice = core.billing().invoice(page.caller, Long.parseLong(m.group(1)));
            requireSame(org, invoice.organisationId(), "invoice", invoice.id());
            boolean pdf = m.group(2).equals(".pdf");
            byte[] body = pdf ? core.documents().pdf(invoice, page.fmt.locale()) : core.documents().ubl(invoice);
            page.resp.setContentType(pdf ? "application/pdf" : "application/xml");
            page.resp.setHeader("Content-Disposition", "attachment; filename=\"" + invoice.number()
                    + (pdf ? ".pdf\"" : ".xml\""));
            page.resp.setContentLength(body.length);
            page.resp.getOutputStream().write(body);
        } else if (rest.equals("/running-bill") && !post) {
            List<Contract> contracts = contracts(page, org);
            if (contracts.size() == 1) {
                page.redirect(prefix + "/contracts/" + contracts.get(0).id() + "/running-bill");
                return;
            }
            page.model.put("contracts", contracts);
            page.render(200, "running-bills");
        } else if (rest.startsWith("/contracts/") && !post) {
            Matcher m = ID.matcher(rest.substring("/contracts".length()));
            if (!m.matches() || !"/running-bill".equals(m.group(2))) {
                notFound(page);
                return;
            }
            RunningBill bill = core.billing().runningBill(page.caller, Long.parseLong(m.group(1)));
            requireSame(org, bill.organisationId(), "contract", bill.contractId());
            page.model.put("bill", bill);
            page.model.put("contracts", contracts(page, org));
            page.render(200, "running-bill");
        } else if (rest.equals("/account") && !post) {
            page.model.put("serviceHistory", core.accounts().serviceHistory(page.caller, org.id(), 0, 50));
            page.model.put("payments", core.accounts().paymentHistory(page.caller, org.id(), 0, 50));
            page.model.put("credit", core.accounts().creditStatus(page.caller, org.id()));
            page.render(200, "account");
        } else if (rest.equals("/users")) {
            if (post) {
                invite(page, org);
            } else {
                users(page, org, null);
            }
        } else if (rest.startsWith("/users/") && post) {
            Matcher m = ID.matcher(rest.substring("/users".length()));
            if (!m.matches()) {
                notFound(page);
                return;
            }
            long userId = Long.parseLong(m.group(1));
            long version = Long.parseLong(page.param("version"));
            if ("/remove".equals(m.group(2))) {
                core.users().remove(page.caller, org.id(), userId, version);
            } else if (m.group(2) == null) {
                PortalUser user = core.users().get(page.caller, org.id(), userId);
                PortalRole role = PortalRole.valueOf(page.param("role"));
                // a role change keeps the assigned devices for a role that handles devices, else leaves none
                List<Long> devices = role.managesDevices() ? deviceIds(page, user.deviceIds()) : List.of();
                try {
                    core.users().change(page.caller, org.id(), userId, version,
                            new PortalUser.Change(role, devices, null));
                } catch (DomainException e) {
                    if (e.kind() == DomainException.Kind.NOT_FOUND) {
                        throw e;
                    }
                    users(page, org, e);
                    return;
                }
            } else {
                notFound(page);
                return;
            }
            page.redirect(prefix + "/users");
        } else {
            notFound(page);
        }
    }

    /** The organisation as the user sees it, on the page with its market's time zone. */
    private Organisation organisation(Page page, long orgId) {
        Organisation org = core.organisations().get(page.caller, orgId);
        Market market = core.markets().market(org.market()).orElse(null);
        if (market != null) {
            page.fmt = new Formats(page.fmt.locale(), market.zone());
        }
        page.model.put("org", org);
        return org;
    }

    /**
     * PORTAL-ROLE-3: local stock, which a stock manager reaches without seeing the organisation's other data (nor its
     * name): a customer user only under its own organisation's address, the core deciding the rest.
     */
    private void stockPage(Page page, long orgId, String rest, boolean post) throws IOException {
        if (!page.caller.isDealer() && page.caller.organisationId().orElse(0L) != orgId) {
            notFound(page);
            return;
        }
        if (seesDevices(page.caller)) {
            organisation(page, orgId);
        }
        if (rest.equals("/stock") && !post) {
            stock(page, orgId, null, null, null);
            return;
        }
        Matcher m = ID.matcher(rest.substring("/stock".length()));
        if (!post || !m.matches() || m.group(2) != null) {
            notFound(page);
            return;
        }
        updateStock(page, orgId, Long.parseLong(m.group(1)));
    }

    /** A record reached under another organisation's address is not there (404). */
    private static void requireSame(Organisation org, long organisationId, String what, long id) {
        if (org.id() != organisationId) {
            throw DomainException.notFound(what, id);
        }
    }

    private void devices(Page page, Organisation org) throws IOException {
        List<Device> devices = core.devices().list(page.caller).stream()
                .filter(d -> d.organisationId() == org.id()).toList();
        page.model.put("devices", devices);
        page.model.put("contracts", contractsByDevice(page, org));
        page.render(200, "devices");
    }

    /** Each device's current contract (the latest started one that includes it). */
    private Map<String, Contract> contractsByDevice(Page page, Organisation org) {
        Map<String, Contract> byDevice = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(page.fmt.zone());
        core.contracts().list(page.caller).stream().filter(c -> c.organisationId() == org.id())
                .filter(c -> c.end() == null || !c.end().isBefore(today))
                .sorted((a, b) -> a.start().compareTo(b.start()))
                .forEach(c -> c.deviceIds().forEach(d -> byDevice.put(String.valueOf(d), c)));
        return byDevice;
    }

    private void device(Page page, Organisation org, Device device, MeterReading.Outcome refused,
            Map<String, String> entered) throws IOException {
        page.model.put("device", device);
        page.model.put("contract", contractsByDevice(page, org).get(String.valueOf(device.id())));
        List<MeterReading> history = new ArrayList<>(core.readings().history(page.caller, device.id()));
        Collections.reverse(history);
        page.model.put("readings", history);
        page.model.put("counterNames", List.of(Counters.NAMES));
        page.model.put("today", LocalDate.now(page.fmt.zone()).toString());
        page.model.put("mayRead", seesDevices(page.caller));
        page.model.put("entered", entered == null ? Map.of() : entered);
        page.model.put("accepted", page.req.getParameter("accepted") != null);
        if (refused != null) {
            page.model.put("refusedField", refused.field());
            page.model.put("refusedRule", refused.rule() == null ? "" : refused.rule());
            page.model.put("refusedMessage", refused.error());
        }
        page.render(refused == null ? 200 : 422, "device");
    }

    private void submitReading(Page page, Organisation org, Device device) throws IOException {
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("date", page.param("date"));
        long[] values = new long[Counters.NAMES.length];
        for (int i = 0; i < values.length; i++) {
            String name = Counters.NAMES[i];
            String value = page.param(name);
            entered.put(name, value);
            try {
                values[i] = value.isEmpty() ? 0 : Long.parseLong(value);
                if (values[i] < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                device(page, org, device, new MeterReading.Outcome(0, null, false, page.text("reading.number"),
                        name, null), entered);
                return;
            }
        }
        LocalDate date;
        try {
            date = LocalDate.parse(page.param("date"));
        } catch (RuntimeException e) {
            device(page, org, device, new MeterReading.Outcome(0, null, false, page.text("reading.date"), "date",
                    null), entered);
            return;
        }
        Counters counters = new Counters(values[0], values[1], values[2], values[3], values[4], values[5]);
        MeterReading.Outcome outcome = core.readings().submit(page.caller, device.id(),
                List.of(new MeterReading.Draft(date, counters))).get(0);
        if (!outcome.accepted()) {
            device(page, org, device, outcome, entered);
            return;
        }
        page.redirect("/o/" + org.id() + "/devices/" + device.id() + "?accepted=" + date);
    }

    /** The organisation's contracts the caller sees, running or not yet ended, oldest first. */
    private List<Contract> contracts(Page page, Organisation org) {
        LocalDate today = LocalDate.now(page.fmt.zone());
        return core.contracts().list(page.caller).stream().filter(c -> c.organisationId() == org.id())
                .filter(c -> c.end() == null || !c.end().isBefore(today))
                .sorted((a, b) -> a.start().compareTo(b.start())).toList();
    }

    /**
     * PORTAL-ROLE-3: the stock data of the organisation's replenished devices, each with its form; the core refuses
     * the roles that may not (403). A refused or stale write shows the form again with what was entered.
     */
    private void stock(Page page, long orgId, Long deviceId, Map<String, String> entered,
            DomainException refused) throws IOException {
        page.model.put("locations", core.stock().list(page.caller, orgId));
        // the devices' names where the role sees devices; a stock manager sees the stock location's name
        page.model.put("deviceNames", core.devices().list(page.caller).stream()
                .filter(d -> d.organisationId() == orgId)
                .collect(Collectors.toMap(d -> String.valueOf(d.id()), PortalServlet::deviceName)));
        page.model.put("editedDevice", deviceId == null ? "" : String.valueOf(deviceId));
        page.model.put("entered", entered == null ? Map.of() : entered);
        page.model.put("saved", page.param("saved"));
        int status = 200;
        if (refused != null && refused.kind() == DomainException.Kind.PRECONDITION_FAILED) {
            // changed meanwhile: the current data, and what was entered is not saved
            page.model.put("stale", true);
            page.model.put("entered", Map.of());
            status = HttpServletResponse.SC_PRECONDITION_FAILED;
        } else if (refused != null) {
            page.model.put("refusedField", refused.field() == null ? "name" : refused.field());
            page.model.put("refusedMessage", refused.getMessage());
            page.model.put("refusedRule", refused.rule() == null ? "" : refused.rule());
            status = 422;
        }
        page.render(status, "stock");
    }

    private void updateStock(Page page, long orgId, long deviceId) throws IOException {
        StockLocation current = core.stock().get(page.caller, deviceId);
        if (current.organisationId() != orgId) {
            throw DomainException.notFound("device", deviceId);
        }
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("name", page.param("name"));
        entered.put("shippingInstructions", page.param("shippingInstructions"));
        Map<String, Integer> levels = new TreeMap<>();
        for (String consumable : current.levels().keySet()) {
            String value = page.param("level." + consumable);
            entered.put("level." + consumable, value);
            try {
                int count = Integer.parseInt(value);
                if (count < 0) {
                    throw new NumberFormatException();
                }
                levels.put(consumable, count);
            } catch (NumberFormatException e) {
                stock(page, orgId, deviceId, entered, DomainException.invalid("level." + consumable,
                        page.text("reading.number")));
                return;
            }
        }
        long version;
        try {
            version = Long.parseLong(page.param("version"));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("version", "not a version");
        }
        try {
            core.stock().update(page.caller, deviceId, version, new StockLocation.Draft(entered.get("name"),
                    blank(entered.get("shippingInstructions")), levels));
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID && e.kind() != DomainException.Kind.RULE
                    && e.kind() != DomainException.Kind.PRECONDITION_FAILED) {
                throw e;
            }
            stock(page, orgId, deviceId, entered, e);
            return;
        }
        page.redirect("/o/" + orgId + "/stock?saved=" + deviceId + "#stock-" + deviceId);
    }

    /** PORTAL-ROLE-4: every authenticated user reads the knowledge base. */
    private void knowledge(Page page) throws IOException {
        String text = page.param("q");
        String language = Languages.code(page.param("language")).orElse(null);
        page.model.put("q", text);
        page.model.put("language", language == null ? "" : language);
        page.model.put("result", core.knowledge().search(page.caller,
                new KnowledgeArticle.Query(blank(text), null, language, 0, 100)));
        page.render(200, "knowledge");
    }

    private void article(Page page, long id) throws IOException {
        KnowledgeArticle article = core.knowledge().get(page.caller, id);
        page.model.put("article", article);
        page.model.put("paragraphs", paragraphs(article.body()));
        page.render(200, "article");
    }

    /** A plain-text body's paragraphs (separated by blank lines); the template escapes each. */
    static List<String> paragraphs(String body) {
        return Arrays.stream(body.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
                .toList();
    }

    private void orders(Page page, Organisation org, DomainException refused) throws IOException {
        List<ServiceOrder> orders = core.orders().list(page.caller,
                new ServiceOrder.Query(null, null, org.id(), null, 0, 200));
        List<Device> devices = core.devices().list(page.caller).stream()
                .filter(d -> d.organisationId() == org.id()).toList();
        page.model.put("orders", orders);
        page.model.put("devices", devices);
        page.model.put("deviceNames", devices.stream().collect(Collectors.toMap(d -> String.valueOf(d.id()),
                PortalServlet::deviceName)));
        page.model.put("kinds", List.of(OrderKind.REPAIR, OrderKind.TONER, OrderKind.MOVE));
        if (refused != null) {
            page.model.put("refusedField", refused.field() == null ? "" : refused.field());
            page.model.put("refusedMessage", refused.getMessage());
            page.model.put("refusedRule", refused.rule() == null ? "" : refused.rule());
        }
        page.render(refused == null ? 200 : 422, "orders");
    }

    private void registerOrder(Page page, Organisation org) throws IOException {
        long deviceId;
        try {
            deviceId = Long.parseLong(page.param("device"));
        } catch (NumberFormatException e) {
            orders(page, org, DomainException.invalid("deviceId", page.text("order.device.missing")));
            return;
        }
        Device device = core.devices().get(page.caller, deviceId);
        requireSame(org, device.organisationId(), "device", deviceId);
        Contract contract = contractsByDevice(page, org).get(String.valueOf(deviceId));
        if (contract == null) {
            orders(page, org, DomainException.invalid("deviceId", page.text("order.device.noContract")));
            return;
        }
        ServiceOrder order;
        try {
            order = core.orders().register(page.caller, new ServiceOrder.Draft(deviceId, contract.id(),
                    OrderKind.valueOf(page.param("kind")), OrderChannel.WEB, blank(page.param("serviceNumber")),
                    blank(page.param("symptom")), blank(page.param("errorCode")), null,
                    blank(page.param("contactName")), blank(page.param("contactEmail")), Map.of()));
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID && e.kind() != DomainException.Kind.RULE) {
                throw e;
            }
            orders(page, org, e);
            return;
        } catch (IllegalArgumentException e) {
            orders(page, org, DomainException.invalid("kind", page.text("order.kind")));
            return;
        }
        page.redirect("/o/" + org.id() + "/orders/" + order.id());
    }

    private static String deviceName(Device d) {
        return d.vendor() + " " + d.model() + " · " + d.serialNumber();
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    private void order(Page page, ServiceOrder order) throws IOException {
        page.model.put("order", order);
        page.model.put("deviceName", deviceName(core.devices().get(page.caller, order.deviceId())));
        page.model.put("history", core.orders().history(page.caller, order.id()));
        page.model.put("next", order.state().next().stream().map(Enum::name).toList());
        page.render(200, "order");
    }

    private void users(Page page, Organisation org, DomainException refused) throws IOException {
        page.model.put("users", core.users().list(page.caller, org.id()));
        page.model.put("roles", Arrays.stream(PortalRole.values()).map(Enum::name).toList());
        page.model.put("devices", core.devices().list(page.caller).stream()
                .filter(d -> d.organisationId() == org.id()).toList());
        if (refused != null) {
            page.model.put("refusedField", refused.field() == null ? "" : refused.field());
            page.model.put("refusedMessage", refused.getMessage());
            page.model.put("refusedRule", refused.rule() == null ? "" : refused.rule());
        }
        page.render(refused == null ? 200 : 422, "users");
    }

    private void invite(Page page, Organisation org) throws IOException {
        PortalRole role;
        try {
            role = PortalRole.valueOf(page.param("role"));
        } catch (IllegalArgumentException e) {
            users(page, org, DomainException.invalid("role", page.text("users.role.missing")));
            return;
        }
        try {
            core.users().invite(page.caller, org.id(), new PortalUser.Draft(page.param("userName"),
                    blank(page.param("email")), role, deviceIds(page, List.of())));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            users(page, org, e);
            return;
        }
        page.redirect("/o/" + org.id() + "/users");
    }

    private static List<Long> deviceIds(Page page, List<Long> otherwise) {
        String[] values = page.req.getParameterValues("devices");
        if (values == null) {
            return page.req.getParameter("devicesShown") != null ? List.of() : otherwise;
        }
        List<Long> ids = new ArrayList<>();
        for (String v : values) {
            try {
                ids.add(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("deviceIds", "not a device id");
            }
        }
        return ids;
    }
}
