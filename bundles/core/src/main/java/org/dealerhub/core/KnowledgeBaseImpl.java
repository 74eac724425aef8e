package org.dealerhub.core;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.KnowledgeBase;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The knowledge base (PORTAL-ROLE-4): every authenticated caller reads and searches it, the self-service role
 * included (it is all that role may do); dealer users write, dealer administrators delete (as for every record).
 * Bodies are plain text: a control character other than line breaks and tabs is refused, and front ends escape
 * what they show.
 */
@Component
public class KnowledgeBaseImpl implements KnowledgeBase {

    static final int MAX_PAGE = 100;
    static final int MAX_BODY = 20_000;
    static final int MAX_TAGS = 10;
    /** The languages of the portal (issue 11). */
    static final Set<String> LANGUAGES = Set.of("nb", "da", "uk", "en");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,59}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private final Store store;
    private final Clock clock;

    @Activate
    public KnowledgeBaseImpl(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public KnowledgeArticle.Page search(Caller caller, KnowledgeArticle.Query query) {
        KnowledgeArticle.Query q = query == null ? new KnowledgeArticle.Query(null, null, null, 0, 0) : query;
        if (q.offset() < 0) {
            throw DomainException.invalid("offset", "offset is negative");
        }
        int limit = q.limit() <= 0 ? 20 : Math.min(q.limit(), MAX_PAGE);
        String text = Checks.optionalText(q.text(), "q", 200);
        String tag = q.tag() == null || q.tag().isBlank() ? null : tag(q.tag(), "tag");
        String language = q.language() == null || q.language().isBlank() ? null : language(q.language());
        return store.read(r -> r.knowledge().search(new KnowledgeArticle.Query(text, tag, language, q.offset(),
                limit)));
    }

    @Override
    public KnowledgeArticle get(Caller caller, long id) {
        return store.read(r -> r.knowledge().find(id)).orElseThrow(() -> DomainException.notFound("article", id));
    }

    @Override
    public KnowledgeArticle create(Caller caller, KnowledgeArticle.Draft draft) {
        Access.requireDealer(caller);
        KnowledgeArticle.Draft d = valid(draft);
        return store.tx(r -> r.knowledge().create(d, clock.instant(), caller.user()));
    }

    @Override
    public KnowledgeArticle update(Caller caller, long id, long version, KnowledgeArticle.Draft draft) {
        Access.requireDealer(caller);
        KnowledgeArticle.Draft d = valid(draft);
        return store.tx(r -> r.knowledge().update(id, version, d, clock.instant(), caller.user()));
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        Access.requireAdmin(caller, "delete articles");
        store.tx(r -> {
            r.knowledge().delete(id, version);
            return null;
        });
    }

    private static KnowledgeArticle.Draft valid(KnowledgeArticle.Draft draft) {
        KnowledgeArticle.Draft d = Checks.draft(draft);
        String title = plain(Checks.text(d.title(), "title", 200), "title");
        String body = plain(Checks.text(d.body(), "body", MAX_BODY), "body");
        String language = language(Checks.required(d.language(), "language"));
        List<String> given = d.tags() == null ? List.of() : d.tags();
        if (given.size() > MAX_TAGS) {
            throw DomainException.invalid("tags", "at most " + MAX_TAGS + " tags");
        }
        Set<String> tags = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            tags.add(tag(given.get(i), "tags[" + i + "]"));
        }
        return new KnowledgeArticle.Draft(title, body, language, List.copyOf(tags));
    }

    private static String plain(String text, String field) {
        if (CONTROL.matcher(text).find()) {
            throw DomainException.invalid(field, field + " is plain text: no control characters");
        }
        return text;
    }

    private static String language(String language) {
        String l = language.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(l)) {
            throw DomainException.invalid("language", "language is one of " + new TreeSet<>(LANGUAGES));
        }
        return l;
    }

    /** A tag, lower-cased: a vendor id, a model (spaces become dashes) or a topic. */
    private static String tag(String tag, String field) {
        String t = Checks.required(tag, field).trim().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (!TAG.matcher(t).matches()) {
            throw DomainException.invalid(field, "a tag is lower-case letters, digits, dots, pluses and dashes,"
                    + " at most 60");
        }
        return t;
    }
}
