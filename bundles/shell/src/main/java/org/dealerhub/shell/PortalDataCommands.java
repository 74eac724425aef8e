package org.dealerhub.shell;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.AccountHistory;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.CreditStatus;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.KnowledgeBase;
import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterCorrections;
import org.dealerhub.api.StockLocation;

/**
 * The portal's data from the console: local stock (PORTAL-ROLE-3), knowledge articles (PORTAL-ROLE-4), meter
 * corrections (PORTAL-METER-4) and an organisation's account (PORTAL-SYNC-1).
 */
final class PortalDataCommands {

    private PortalDataCommands() {
    }

    /** {@code toner-black=2} pairs as a consumable-to-count map; a malformed pair names the field. */
    static Map<String, Integer> levels(List<String> pairs) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            String[] p = pair.split("=", 2);
            try {
                levels.put(p[0].trim(), Integer.valueOf(p[1].trim()));
            } catch (RuntimeException e) {
                throw DomainException.invalid("levels", "a level is consumable=count, e.g. toner-black=2");
            }
        }
        return levels;
    }

    @Service
    @Command(scope = "dealerhub", name = "stock", description = "Shows a device's local stock data and its audit")
    public static class Stock extends DealerhubAction {
        @Reference
        LocalStockService stock;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;

        @Override
        void run(PrintStream out, Caller caller) {
            StockLocation s = stock.get(caller, device);
            out.printf("Device %d (organisation %d), version %d: %s%n", s.deviceId(), s.organisationId(),
                    s.version(), s.name());
            out.println("Shipping: " + (s.shippingInstructions() == null ? "-" : s.shippingInstructions()));
            s.levels().forEach((consumable, count) -> out.printf("  %-20s %6d%n", consumable, count));
            out.println("Changes:");
            stock.changes(caller, device).forEach(c -> out.printf("  %s %-20s %s%n", c.at(), c.by(),
                    c.removed() ? "taken off replenishment" : c.levels()));
        }
    }

    /** The stock data the console gives: name, shipping instructions and levels. */
    abstract static class StockWrite extends DealerhubAction {
        @Reference
        LocalStockService stock;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;
        @Argument(index = 1, name = "name", required = true, description = "the stock location's name")
        String name;
        @Option(name = "--shipping", description = "shipping instructions")
        String shipping;
        @Option(name = "--level", description = "consumable=count, e.g. toner-black=2 (repeat for more)",
                multiValued = true)
        List<String> levels;

        StockLocation.Draft draft() {
            return new StockLocation.Draft(name, shipping, levels(levels));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "stock-enable", description = "Sets a device up for automatic toner"
            + " replenishment with its first stock data")
    public static class StockEnable extends StockWrite {
        @Override
        void run(PrintStream out, Caller caller) {
            StockLocation s = stock.enable(caller, device, draft());
            out.println("Device " + device + " is on automatic toner replenishment: " + s.levels());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "stock-set", description = "Replaces a device's stock data (at --version,"
            + " else the current one)")
    public static class StockSet extends StockWrite {
        @Option(name = "--version", description = "the version the change is based on (default: the current)")
        Long version;

        @Override
        void run(PrintStream out, Caller caller) {
            long at = version != null ? version : stock.get(caller, device).version();
            StockLocation s = stock.update(caller, device, at, draft());
            out.println("Changed the stock data of device " + device + ", version " + s.version() + ": "
                    + s.levels());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "stock-remove", description = "Takes a device off automatic toner"
            + " replenishment (its audit stays)")
    public static class StockRemove extends DealerhubAction {
        @Reference
        LocalStockService stock;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;

        @Override
        void run(PrintStream out, Caller caller) {
            stock.disable(caller, device, stock.get(caller, device).version());
            out.println("Device " + device + " is off automatic toner replenishment");
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "articles", description = "Searches the knowledge base")
    public static class Articles extends DealerhubAction {
        @Reference
        KnowledgeBase knowledge;

        @Argument(index = 0, name = "text", description = "text in title or body")
        String text;
        @Option(name = "--tag")
        String tag;
        @Option(name = "--language", description = "nb, da, uk or en")
        String language;
        @Option(name = "--offset")
        int offset;
        @Option(name = "--limit")
        int limit = 20;

        @Override
        void run(PrintStream out, Caller caller) {
            KnowledgeArticle.Page page = knowledge.search(caller, new KnowledgeArticle.Query(text, tag, language,
                    offset, limit));
            out.printf("%-5s %-4s %-50s %s%n", "ID", "LANG", "TITLE", "TAGS");
            page.articles().forEach(a -> out.printf("%-5d %-4s %-50s %s%n", a.id(), a.language(), a.title(),
                    String.join(" ", a.tags())));
            out.println(page.articles().size() + " of " + page.total());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "article", description = "Shows a knowledge article")
    public static class Article extends DealerhubAction {
        @Reference
        KnowledgeBase knowledge;

        @Argument(index = 0, name = "id", required = true)
        long id;

        @Override
        void run(PrintStream out, Caller caller) {
            KnowledgeArticle a = knowledge.get(caller, id);
            out.println(a.title() + " [" + a.language() + "] " + String.join(" ", a.tags()));
            out.println("by " + a.updatedBy() + " at " + a.updatedAt() + ", version " + a.version());
            out.println();
            out.println(a.body());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "article-add", description = "Writes a knowledge article (plain text)")
    public static class ArticleAdd extends DealerhubAction {
        @Reference
        KnowledgeBase knowledge;

        @Argument(index = 0, name = "language", required = true, description = "nb, da, uk or en")
        String language;
        @Argument(index = 1, name = "title", required = true)
        String title;
        @Argument(index = 2, name = "body", required = true)
        String body;
        @Option(name = "--tag", description = "a tag, e.g. canon (repeat for more)", multiValued = true)
        List<String> tags;

        @Override
        void run(PrintStream out, Caller caller) {
            KnowledgeArticle a = knowledge.create(caller, new KnowledgeArticle.Draft(title, body, language,
                    tags == null ? List.of() : tags));
            out.println("Wrote article " + a.id() + ": " + a.title());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "reading-correct", description = "Corrects a device's meter reading (new"
            + " counters and/or date, or --void), audited with the reason (PORTAL-METER-4)")
    public static class ReadingCorrect extends DealerhubAction {
        @Reference
        MeterCorrections corrections;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;
        @Argument(index = 1, name = "date", required = true, description = "the date of the reading to correct")
        String date;
        @Argument(index = 2, name = "reason", required = true)
        String reason;
        @Option(name = "--date", description = "the reading's new date")
        String newDate;
        @Option(name = "--counters", description = "monoA4,colourA4,monoA3,colourA3,banner,scans")
        String counters;
        @Option(name = "--void", description = "voids the reading")
        boolean voided;

        @Override
        void run(PrintStream out, Caller caller) {
            MeterCorrection c = corrections.correct(caller, device, new MeterCorrection.Draft(DataCommands.day(date),
                    newDate == null ? null : DataCommands.day(newDate), counters == null ? null : counters(counters),
                    voided, reason));
            out.println("Corrected the reading of " + c.oldDate() + " (" + c.oldCounters() + ") to "
                    + (c.voided() ? "void" : c.newDate() + " (" + c.newCounters() + ")"));
        }

        private static Counters counters(String text) {
            String[] v = text.split(",");
            try {
                if (v.length != 6) {
                    throw new NumberFormatException();
                }
                return new Counters(Long.parseLong(v[0].trim()), Long.parseLong(v[1].trim()),
                        Long.parseLong(v[2].trim()), Long.parseLong(v[3].trim()), Long.parseLong(v[4].trim()),
                        Long.parseLong(v[5].trim()));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("counters", "six counters are required: monoA4,colourA4,monoA3,"
                        + "colourA3,banner,scans");
            }
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "reading-corrections", description = "Lists a device's meter corrections")
    public static class ReadingCorrections extends DealerhubAction {
        @Reference
        MeterCorrections corrections;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;

        @Override
        void run(PrintStream out, Caller caller) {
            corrections.list(caller, device).forEach(c -> out.printf("%s %-12s %s %s -> %s: %s%n",
                    c.correctedAt(), c.correctedBy(), c.oldDate(), Arrays.toString(c.oldCounters().values()),
                    c.voided() ? "void" : c.newDate() + " " + Arrays.toString(c.newCounters().values()), c.reason()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "account", description = "An organisation's credit status, payment and"
            + " service history (PORTAL-SYNC-1)")
    public static class Account extends DealerhubAction {
        @Reference
        AccountHistory accounts;

        @Argument(index = 0, name = "organisation", required = true)
        long organisation;
        @Option(name = "--limit", description = "invoices and orders shown")
        int limit = 10;

        @Override
        void run(PrintStream out, Caller caller) {
            CreditStatus status = accounts.creditStatus(caller, organisation);
            out.println("Debt hold: " + (status.debtHold() ? "yes, orders " + status.debtHoldOrderIds() : "no")
                    + "; last invoice issued " + (status.lastIssued() == null ? "never" : status.lastIssued()));
            status.invoiced().forEach(i -> out.printf("Invoiced %s: %d invoices, net %s, VAT %s, gross %s%n",
                    i.currency(), i.invoices(), i.net(), i.vat(), i.gross()));
            out.println("Payments (invoices issued, newest first):");
            accounts.paymentHistory(caller, organisation, 0, limit).forEach(p -> out.printf(
                    "  %s %s %s..%s %s %s%n", p.number(), p.issued(), p.periodFrom(), p.periodTo(), p.gross(),
                    p.currency()));
            out.println("Service orders:");
            accounts.serviceHistory(caller, organisation, 0, limit).forEach(o -> out.printf("  %-14s %-12s %s%n",
                    o.number(), o.state(), o.registeredAt()));
        }
    }
}
